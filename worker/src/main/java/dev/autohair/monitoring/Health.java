package dev.autohair.monitoring;

import dev.autohair.worker.Worker;
import java.time.Duration;

/**
 * The worker's liveness and readiness. Ready once the models are loaded and warm and the worker
 * has joined its consumer group, until it starts draining, and not while object storage is
 * unavailable (it takes no jobs then). Live unless the poll loop has stopped coming back, which a
 * restart would cure: a storage outage is not that, so liveness stays up through it.
 */
public final class Health {

    /** The poll loop blocks at most for a synchronous commit or a revocation's grace; far longer means stuck. */
    static final Duration POLL_STALL = Duration.ofMinutes(2);

    private volatile boolean modelsWarm;
    private volatile Worker worker;

    /** The models answered their warm-up forward pass. */
    public void modelsWarm() {
        modelsWarm = true;
    }

    public void watch(Worker worker) {
        this.worker = worker;
    }

    public Report readiness() {
        Worker w = worker;
        if (!modelsWarm) {
            return new Report(false, "models loading");
        }
        if (w == null || !w.consuming()) {
            return new Report(false, "not consuming (joining the group, stopping or failed)");
        }
        if (!w.storageAvailable()) {
            return new Report(false, "object storage unavailable for "
                    + w.storageUnavailableFor().map(Duration::toSeconds).orElse(0L) + " s: partitions paused, "
                    + w.jobsWaitingForStorage() + " jobs held until it answers");
        }
        return new Report(true, "models warm, consuming");
    }

    public Report liveness() {
        Worker w = worker;
        if (w == null) {
            return new Report(true, "starting");
        }
        return w.sinceLastPoll()
                .filter(since -> since.compareTo(POLL_STALL) > 0)
                .map(since -> new Report(false, "no poll for " + since.toSeconds() + " s"))
                .orElse(new Report(true, "polling"));
    }

    /** A check's answer and why, as the endpoint shows it. */
    public record Report(boolean up, String detail) {
    }
}
