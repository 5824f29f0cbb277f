package dev.autohair.status.view;

import dev.autohair.common.contract.ImageJob;
import dev.autohair.common.contract.JobResult;
import dev.autohair.common.contract.StatusEvent;

/** One message about a job, from any of the three topics the view folds. */
public sealed interface JobUpdate {

    record Submitted(ImageJob job) implements JobUpdate {
    }

    record Status(StatusEvent event) implements JobUpdate {
    }

    record Result(JobResult result) implements JobUpdate {
    }
}
