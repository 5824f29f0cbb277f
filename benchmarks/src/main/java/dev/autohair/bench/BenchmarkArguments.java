package dev.autohair.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** A benchmark's {@code key=value} arguments ({@code -Dexec.args="sizes=0.5,2 rounds=3"}); a bare key maps to "". */
final class BenchmarkArguments {

    private BenchmarkArguments() {}

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        return options;
    }
}
