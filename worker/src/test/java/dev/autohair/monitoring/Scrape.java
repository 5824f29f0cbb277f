package dev.autohair.monitoring;

import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Reads samples out of a Prometheus text scrape: enough for assertions, not a full parser. */
public final class Scrape {

    private final List<String> lines;

    private Scrape(List<String> lines) {
        this.lines = lines;
    }

    public static Scrape of(String text) {
        List<String> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                samples.add(line);
            }
        }
        return new Scrape(samples);
    }

    /** The value of the one sample named {@code name} whose labels include every given name/value pair. */
    public double value(String name, String... labels) {
        List<String> matches = new ArrayList<>();
        for (String line : lines) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            boolean all = true;
            for (int i = 0; i < labels.length; i += 2) {
                all &= line.contains(labels[i] + "=\"" + labels[i + 1] + "\"");
            }
            if (all) {
                matches.add(line);
            }
        }
        if (matches.size() != 1) {
            fail("expected one sample " + name + " with " + List.of(labels) + ", found " + matches);
        }
        String line = matches.get(0);
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        for (String line : lines) {
            names.add(line.split("[{ ]", 2)[0]);
        }
        return names;
    }
}
