package dev.autohair.common.contract;

/** Where a job stands, as status events report it. */
public enum JobState {
    RECEIVED,
    FETCHED,
    SEGMENTED,
    MATTED,
    STORED,
    SUCCEEDED,
    /** This attempt failed transiently; another attempt follows. */
    RETRYING,
    /**
     * Object storage is unavailable: the job is held, not failed, and continues in the same attempt
     * (again from RECEIVED) once storage answers. Carries the cause as its error.
     */
    WAITING,
    FAILED,
    /** Failed for good and copied to the dead-letter topic. */
    DEAD_LETTERED;

    /** No further events follow a terminal state for the job. */
    public boolean terminal() {
        return this == SUCCEEDED || this == FAILED || this == DEAD_LETTERED;
    }

    /** States that must carry an error: failures, and waits (which name what they wait for). */
    public boolean failure() {
        return this == RETRYING || this == WAITING || this == FAILED || this == DEAD_LETTERED;
    }
}
