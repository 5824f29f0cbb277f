package dev.autohair.status.links;

import dev.autohair.common.contract.ObjectRef;
import java.util.Optional;

/** Browser-usable URLs for stored objects (thumbnails on the dashboard). */
public interface ObjectLinks {

    /** A URL a browser can GET without credentials, or empty when none can be made. */
    Optional<String> url(ObjectRef object);

    /** No object storage configured: no links. */
    static ObjectLinks none() {
        return object -> Optional.empty();
    }
}
