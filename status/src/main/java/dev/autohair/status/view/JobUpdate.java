package dev.autohair.status.view;

import dev.autohair.common.contract.ImageJob;
import dev.autohair.common.contract.JobResult;
import dev.autohair.common.contract.StatusEvent;

/** One message about a job, from any of the three topics the view folds. */
public sealed interface JobUpdate {

    /** The job the message is about, from the message itself (not from the record's key). */
    String jobId();

    record Submitted(ImageJob job) implements JobUpdate {
        @Override
        public String jobId() {
            return job.jobId();
        }
    }

    record Status(StatusEvent event) implements JobUpdate {
        @Override
        public String jobId() {
            return event.jobId();
        }
    }

    record Result(JobResult result) implements JobUpdate {
        @Override
        public String jobId() {
            return result.jobId();
        }
    }
}
