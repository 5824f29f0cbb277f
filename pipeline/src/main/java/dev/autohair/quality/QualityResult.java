package dev.autohair.quality;

import java.util.List;
import java.util.NoSuchElementException;

/** All measurements of one run, with what produced them. */
public record QualityResult(String matting, int width, int height, long seed, List<QualityRow> rows) {

    public QualityResult {
        rows = List.copyOf(rows);
    }

    public QualityRow row(CompositeKind kind, MaskSource source) {
        return rows.stream().filter(r -> r.kind() == kind && r.source() == source).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no measurement of " + source + " on " + kind));
    }
}
