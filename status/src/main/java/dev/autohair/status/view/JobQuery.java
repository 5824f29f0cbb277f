package dev.autohair.status.view;

import java.time.Instant;
import java.util.Optional;

/**
 * A filter over the view for {@code GET /jobs}: recent jobs first.
 *
 * @param state only jobs in this state (a JobState name or SUBMITTED)
 * @param since only jobs updated at or after this instant
 * @param limit at most this many, 1 to {@value #MAX_LIMIT}
 */
public record JobQuery(Optional<String> state, Optional<Instant> since, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    public JobQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must lie in [1, " + MAX_LIMIT + "], got " + limit);
        }
    }

    public static JobQuery recent(int limit) {
        return new JobQuery(Optional.empty(), Optional.empty(), limit);
    }

    boolean matches(JobView view) {
        return state.map(s -> s.equals(view.state())).orElse(true)
                && since.map(t -> view.updatedAt() != null && !view.updatedAt().isBefore(t)).orElse(true);
    }
}
