package dev.autohair.status.view;

import dev.autohair.common.contract.ErrorCode;
import dev.autohair.common.contract.JobStage;
import java.util.List;
import java.util.Map;

/**
 * Totals over every job in the view, for the dashboard.
 *
 * @param byState              jobs per state
 * @param finishedLastMinute   jobs that finished (any outcome) in the 60 s before {@code at}
 * @param failed               jobs that ended FAILED or DEAD_LETTERED
 * @param errors               failed jobs per error code
 * @param meanTimingsMs        mean per stage over jobs that report it
 * @param lastHour             jobs finished per minute by outcome, the 60 whole minutes up to {@code at}'s, oldest first
 */
public record JobStats(
        long jobs,
        Map<String, Long> byState,
        long finishedLastMinute,
        long failed,
        Map<ErrorCode, Long> errors,
        Map<JobStage, Long> meanTimingsMs,
        List<MinuteOutcomes> lastHour) {
}
