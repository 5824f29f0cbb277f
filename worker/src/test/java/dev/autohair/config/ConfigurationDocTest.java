package dev.autohair.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autohair.testing.RepositoryRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/CONFIGURATION.md and the keys the worker reads cannot drift apart. */
class ConfigurationDocTest {

    @Test
    void theDocumentListsExactlyTheKeysTheWorkerReads() throws IOException {
        String text = Files.readString(RepositoryRoot.resolve("docs/CONFIGURATION.md"));
        // The worker's table only: the status service's keys have their own section (and test).
        int statusSection = text.indexOf("\n## Status service");
        if (statusSection >= 0) {
            text = text.substring(0, statusSection);
        }
        Set<String> documented = new TreeSet<>();
        Matcher m = Pattern.compile("^\\| `(AUTOHAIR_[A-Z0-9_]+)`", Pattern.MULTILINE).matcher(text);
        while (m.find()) {
            documented.add(m.group(1));
        }
        assertThat(documented).isEqualTo(new TreeSet<>(WorkerConfig.KEYS));
    }
}
