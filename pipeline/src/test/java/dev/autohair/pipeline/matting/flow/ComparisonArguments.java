package dev.autohair.pipeline.matting.flow;

import dev.autohair.quality.CompositeKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code key=value} arguments {@link StrategyComparison} and {@link HaloComparison} share:
 * {@code seeds=A-B sizes=WxH,... kinds=HAIR,... trimaps=truth,auto}, and whatever else a main reads.
 */
record ComparisonArguments(Map<String, String> values, long firstSeed, long lastSeed, List<int[]> sizes,
        List<CompositeKind> kinds, List<String> trimaps) {

    static ComparisonArguments parse(String[] args, String defaultSeeds, String defaultSizes) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            values.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        String[] seedRange = values.getOrDefault("seeds", defaultSeeds).split("-");
        List<int[]> sizes = new ArrayList<>();
        for (String size : values.getOrDefault("sizes", defaultSizes).split(",")) {
            String[] wh = size.split("x");
            sizes.add(new int[] {Integer.parseInt(wh[0]), Integer.parseInt(wh[1])});
        }
        List<CompositeKind> kinds = new ArrayList<>();
        for (String kind : values.getOrDefault("kinds", "HAIR,CURLS,FUR,PRODUCT_EDGE").split(",")) {
            kinds.add(CompositeKind.valueOf(kind));
        }
        return new ComparisonArguments(values, Long.parseLong(seedRange[0]),
                Long.parseLong(seedRange[seedRange.length - 1]), sizes, kinds,
                List.of(values.getOrDefault("trimaps", "truth,auto").split(",")));
    }

    String get(String key) {
        return values.get(key);
    }

    String getOrDefault(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }
}
