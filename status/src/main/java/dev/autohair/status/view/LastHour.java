package dev.autohair.status.view;

import dev.autohair.common.contract.JobState;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts finished jobs into the {@value #MINUTES} whole minutes that end with the current one, by
 * outcome. Not thread-safe: one per stats scan.
 */
final class LastHour {

    static final int MINUTES = 60;

    private final Instant first;
    private final long[][] counts = new long[MINUTES][3];

    /** @param now the last minute is the one {@code now} falls in */
    LastHour(Instant now) {
        first = now.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(MINUTES - 1));
    }

    /** Counts the view if it finished within the hour; running jobs and older ones are left out. */
    void add(JobView view, Instant end) {
        if (!view.finished() || end == null || end.isBefore(first)) {
            return;
        }
        long minute = Duration.between(first, end).toMinutes();
        int outcome = outcome(view.state());
        if (minute < MINUTES && outcome >= 0) {
            counts[(int) minute][outcome]++;
        }
    }

    /** Oldest minute first, always {@value #MINUTES} of them. */
    List<MinuteOutcomes> minutes() {
        List<MinuteOutcomes> minutes = new ArrayList<>(MINUTES);
        for (int i = 0; i < MINUTES; i++) {
            minutes.add(new MinuteOutcomes(first.plus(Duration.ofMinutes(i)), counts[i][0], counts[i][1], counts[i][2]));
        }
        return minutes;
    }

    private static int outcome(String state) {
        if (JobState.SUCCEEDED.name().equals(state)) {
            return 0;
        } else if (JobState.FAILED.name().equals(state)) {
            return 1;
        } else if (JobState.DEAD_LETTERED.name().equals(state)) {
            return 2;
        }
        return -1;
    }
}
