package dev.autohair.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.autohair.testing.RepositoryRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The repository's deployment files as YAML trees: k8s/*.yaml (multi-document) and docker-compose.yml. */
final class Manifests {

    private static final YAMLMapper YAML = new YAMLMapper();

    final Path root;
    /** Every document of every k8s/*.yaml, with the file it came from. */
    final List<Document> k8s = new ArrayList<>();
    final JsonNode compose;

    record Document(Path file, JsonNode node) {

        String kind() {
            return node.path("kind").asText();
        }

        String name() {
            return node.path("metadata").path("name").asText();
        }
    }

    private Manifests(Path root) throws IOException {
        this.root = root;
        try (Stream<Path> files = Files.list(root.resolve("k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
                    while (docs.hasNext()) {
                        JsonNode node = docs.next();
                        if (node != null && !node.isNull() && !node.isMissingNode()) {
                            k8s.add(new Document(file, node));
                        }
                    }
                }
            }
        }
        compose = YAML.readTree(root.resolve("docker-compose.yml").toFile());
    }

    static Manifests load() {
        try {
            return new Manifests(RepositoryRoot.resolve("docker-compose.yml").getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Document> ofKind(String kind) {
        return k8s.stream().filter(d -> d.kind().equals(kind)).toList();
    }

    Optional<Document> find(String kind, String name) {
        return k8s.stream().filter(d -> d.kind().equals(kind) && d.name().equals(name)).findFirst();
    }

    Document get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in k8s/"));
    }
}
