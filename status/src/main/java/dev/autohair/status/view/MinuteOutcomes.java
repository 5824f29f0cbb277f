package dev.autohair.status.view;

import java.time.Instant;

/**
 * Jobs that finished within one minute, by outcome: one bar of the dashboard's last-hour chart.
 *
 * @param start the minute's first instant (whole minutes, UTC)
 */
public record MinuteOutcomes(Instant start, long succeeded, long failed, long deadLettered) {
}
