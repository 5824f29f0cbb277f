package dev.autohair.pipeline;

import dev.autohair.common.contract.JobStage;
import java.util.List;

/** One stage of the pipeline, run over the tasks of a phase that have not failed. */
interface Step {

    JobStage stage();

    void run(List<CutoutTask> tasks);
}
