package dev.autohair.status.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autohair.common.contract.OutputRef;
import dev.autohair.status.links.ObjectLinks;
import dev.autohair.status.view.Json;
import dev.autohair.status.view.JobView;

/** A view as the API shows it: the view's fields, {@code finished}, and presigned {@code links}. */
final class JobJson {

    private final ObjectLinks links;

    JobJson(ObjectLinks links) {
        this.links = links;
    }

    ObjectNode of(JobView view) {
        ObjectNode node = Json.MAPPER.valueToTree(view);
        node.put("finished", view.finished());
        ObjectNode urls = node.putObject("links");
        if (view.input() != null) {
            links.url(view.input()).ifPresent(url -> urls.put("input", url));
        }
        for (OutputRef output : view.outputs()) {
            links.url(output.object()).ifPresent(url -> urls.put(output.kind().wireName(), url));
        }
        return node;
    }
}
