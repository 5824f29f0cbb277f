package dev.autohair.common.contract;

import java.util.regex.Pattern;

/**
 * The Kafka topics of the contract. Every record on them is keyed by job id, so one job's messages
 * stay in order on one partition.
 *
 * @param jobs        image jobs in (ImageJob)
 * @param status      progress out (StatusEvent)
 * @param results     outcomes out (JobResult)
 * @param deadLetters job records that failed for good, copied as they came with headers saying why
 */
public record Topics(String jobs, String status, String results, String deadLetters) {

    public static final String DEFAULT_JOBS = "autohair.jobs";
    public static final String DEFAULT_STATUS = "autohair.status";
    public static final String DEFAULT_RESULTS = "autohair.results";
    public static final String DEFAULT_DEAD_LETTERS = "autohair.jobs.dlq";

    // Kafka's own rule for topic names.
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    public Topics {
        check("jobs", jobs);
        check("status", status);
        check("results", results);
        check("deadLetters", deadLetters);
        if (jobs.equals(deadLetters)) {
            throw new IllegalArgumentException("the dead-letter topic must differ from the jobs topic '" + jobs
                    + "', or failed jobs would be consumed again");
        }
    }

    public static Topics defaults() {
        return new Topics(DEFAULT_JOBS, DEFAULT_STATUS, DEFAULT_RESULTS, DEFAULT_DEAD_LETTERS);
    }

    private static void check(String role, String name) {
        if (name == null || !NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("topic for " + role + " '" + name
                    + "' is not a Kafka topic name: use 1-249 of a-z, A-Z, 0-9, '.', '_', '-'");
        }
    }
}
