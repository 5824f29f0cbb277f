package dev.autohair.worker;

import dev.autohair.common.contract.ImageJob;
import dev.autohair.common.contract.ObjectKeys;
import dev.autohair.common.contract.OutputRef;
import dev.autohair.common.hash.Sha256;
import dev.autohair.pipeline.output.RenderedOutput;
import dev.autohair.storage.ObjectStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stores a job's rendered outputs under keys derived from the job id alone, so a redelivered job
 * overwrites its objects instead of adding a second set.
 */
final class JobOutputs {

    private final ObjectStorage store;

    JobOutputs(ObjectStorage store) {
        this.store = store;
    }

    List<OutputRef> store(ImageJob job, List<RenderedOutput> outputs, Map<String, String> metadata) {
        List<OutputRef> refs = new ArrayList<>();
        for (RenderedOutput out : outputs) {
            String key = ObjectKeys.output(job.output(), job.jobId(), out.kind(), out.format());
            store.put(job.output().bucket(), key, out.bytes(), out.format().contentType(), metadata);
            refs.add(new OutputRef(out.kind(), job.output().bucket(), key, out.format().contentType(),
                    out.bytes().length, out.width(), out.height(), Sha256.hex(out.bytes())));
        }
        return refs;
    }
}
