package dev.autohair.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autohair.config.WorkerConfig;
import dev.autohair.monitoring.MonitoringServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml and k8s/ cannot be run here (no container engine, no cluster), so their
 * invariants are checked on the parsed files: what a worker replica asks for, where its probes
 * point, how long it may drain, how far it scales, and that its configuration is one the worker
 * accepts.
 */
class DeploymentManifestsTest {

    private static final String WORKER = "autohair-worker";
    private static final Pattern TOPIC = Pattern.compile("--topic\\s+(\\S+)\\s+--partitions\\s+(\\d+)");
    private static final Pattern COMPOSE_VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+):-([^}]*)}");

    private final Manifests manifests = Manifests.load();

    // ---- Kubernetes ----

    @Test
    void kustomizationListsEveryManifest() throws IOException {
        JsonNode kustomization = manifests.get("Kustomization", "").node();
        Set<String> listed = new TreeSet<>();
        kustomization.path("resources").forEach(r -> listed.add(r.asText()));
        Set<String> files;
        try (Stream<Path> list = Files.list(manifests.root.resolve("k8s"))) {
            files = list.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(listed).isEqualTo(files);
    }

    @Test
    void eachWorkerReplicaRequestsOneGpu() {
        JsonNode resources = workerContainer().path("resources");
        // Extended resources are set by limits (requests, if given, must equal them).
        assertThat(resources.path("limits").path("nvidia.com/gpu").asText()).isEqualTo("1");
        assertThat(resources.path("requests").path("nvidia.com/gpu").asText("1")).isEqualTo("1");
        assertThat(resources.path("requests").has("memory")).isTrue();
        assertThat(resources.path("limits").has("memory")).isTrue();
    }

    @Test
    void probesPointAtTheWorkersHealthEndpoints() {
        JsonNode container = workerContainer();
        int port = workerK8sConfig().httpPort();
        assertThat(httpGet(container, "livenessProbe", port)).isEqualTo(MonitoringServer.LIVE);
        assertThat(httpGet(container, "readinessProbe", port)).isEqualTo(MonitoringServer.READY);
        assertThat(httpGet(container, "startupProbe", port)).isEqualTo(MonitoringServer.LIVE);
        JsonNode annotations = workerPodSpecParent().path("metadata").path("annotations");
        assertThat(annotations.path("prometheus.io/path").asText()).isEqualTo(MonitoringServer.METRICS);
        assertThat(annotations.path("prometheus.io/port").asText()).isEqualTo(Integer.toString(port));
    }

    @Test
    void terminationGraceOutlastsTheDrainDeadline() {
        Duration drain = workerK8sConfig().flow().drainTimeout();
        long grace = workerPodSpec().path("terminationGracePeriodSeconds").asLong(30); // Kubernetes' default
        assertThat(Duration.ofSeconds(grace)).isGreaterThan(drain.plusSeconds(10));
    }

    @Test
    void aDisruptionBudgetCoversTheWorkers() {
        JsonNode pdb = manifests.ofKind("PodDisruptionBudget").stream()
                .map(Manifests.Document::node)
                .filter(node -> selects(node.path("spec").path("selector"), workerPodSpecParent().path("metadata").path("labels")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no PodDisruptionBudget selects the worker pods"));
        JsonNode spec = pdb.path("spec");
        assertThat(spec.has("maxUnavailable") || spec.has("minAvailable")).isTrue();
    }

    @Test
    void kedaScalesTheWorkersWithinTheJobsTopicsPartitions() {
        WorkerConfig config = workerK8sConfig();
        JsonNode scaled = manifests.get("ScaledObject", WORKER).node().path("spec");
        assertThat(scaled.path("scaleTargetRef").path("name").asText()).isEqualTo(WORKER);
        assertThat(scaled.path("scaleTargetRef").path("kind").asText()).isEqualTo("StatefulSet");
        JsonNode kafka = null;
        for (JsonNode trigger : scaled.path("triggers")) {
            if (trigger.path("type").asText().equals("kafka")) {
                kafka = trigger.path("metadata");
            }
        }
        assertThat(kafka).as("a kafka trigger").isNotNull();
        assertThat(kafka.path("topic").asText()).isEqualTo(config.kafka().topics().jobs());
        assertThat(kafka.path("consumerGroup").asText()).isEqualTo(config.kafka().groupId());
        assertThat(kafka.path("bootstrapServers").asText()).isEqualTo(config.kafka().bootstrapServers());

        int max = scaled.path("maxReplicaCount").asInt();
        int k8sPartitions = manifests.get("KafkaTopic", config.kafka().topics().jobs()).node().path("spec").path("partitions").asInt();
        int composePartitions = composePartitions().get(config.kafka().topics().jobs());
        assertThat(max).isPositive().isLessThanOrEqualTo(k8sPartitions);
        assertThat(composePartitions).as("compose and k8s create the jobs topic alike").isEqualTo(k8sPartitions);
        assertThat(scaled.path("minReplicaCount").asInt(0)).isLessThanOrEqualTo(max);
    }

    @Test
    void eachWorkerHasAStableIdentityForStaticGroupMembershipAndAShortSession() {
        JsonNode statefulSet = manifests.get("StatefulSet", WORKER).node().path("spec");
        // The worker id is the group.instance.id: the pod's name, stable across restarts in a StatefulSet.
        JsonNode id = null;
        for (JsonNode var : workerContainer().path("env")) {
            if (var.path("name").asText().equals(WorkerConfig.WORKER_ID)) {
                id = var;
            }
        }
        assertThat(id).as(WorkerConfig.WORKER_ID + " in the container's env").isNotNull();
        assertThat(id.path("valueFrom").path("fieldRef").path("fieldPath").asText()).isEqualTo("metadata.name");
        String service = statefulSet.path("serviceName").asText();
        JsonNode headless = manifests.get("Service", service).node().path("spec");
        assertThat(headless.path("clusterIP").asText()).isEqualTo("None");
        assertThat(selects(headless, workerPodSpecParent().path("metadata").path("labels"))).isTrue();
        assertThat(manifests.find("Deployment", WORKER)).as("one kind of worker workload").isEmpty();

        WorkerConfig config = workerK8sConfig();
        assertThat(config.kafka().groupProtocol()).isEqualTo("classic");
        assertThat(config.kafka().sessionTimeout()).as("takeover after a crash within 15 s")
                .isLessThanOrEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void theWorkersKubernetesEnvironmentIsOneTheWorkerAccepts() {
        Map<String, String> env = workerK8sEnvironment();
        assertKnownAndComplete("k8s worker", env);
        // Credentials come from a Secret, never from the ConfigMap.
        JsonNode data = manifests.get("ConfigMap", WORKER).node().path("data");
        assertThat(data.has(WorkerConfig.S3_ACCESS_KEY) || data.has(WorkerConfig.S3_SECRET_KEY)).isFalse();
        for (JsonNode var : workerContainer().path("env")) {
            if (var.path("name").asText().startsWith("AUTOHAIR_S3_") && var.path("name").asText().endsWith("_KEY")) {
                assertThat(var.path("valueFrom").has("secretKeyRef")).as(var.path("name").asText()).isTrue();
            }
        }
    }

    @Test
    void theStatusServiceIsDeployedAndExposed() {
        JsonNode deployment = manifests.get("Deployment", "autohair-status").node();
        JsonNode service = manifests.get("Service", "autohair-status").node();
        assertThat(selects(service.path("spec"), deployment.path("spec").path("template").path("metadata").path("labels")))
                .as("the Service selects the status pods").isTrue();
        for (JsonNode var : deployment.path("spec").path("template").path("spec").path("containers").get(0).path("env")) {
            assertThat(var.path("name").asText()).startsWith("AUTOHAIR_STATUS_");
        }
    }

    // ---- docker compose ----

    @Test
    void composeWorkersUseKnownKeysSetTheRequiredOnesAndOutlastTheirDrain() {
        Map<String, JsonNode> workers = composeWorkers();
        assertThat(workers).containsKeys("worker", "worker-cpu");
        workers.forEach((name, service) -> {
            Map<String, String> env = composeEnvironment(service);
            WorkerConfig config = assertKnownAndComplete("compose " + name, env);
            Duration grace = Duration.parse("PT" + service.path("stop_grace_period").asText("10s").toUpperCase());
            assertThat(grace).as(name + " stop_grace_period").isGreaterThan(config.flow().drainTimeout());
            assertThat(config.kafka().bootstrapServers()).isEqualTo("kafka:9092");
            assertThat(service.path("depends_on").path("init-kafka").path("condition").asText())
                    .isEqualTo("service_completed_successfully");
        });
    }

    @Test
    void theGpuWorkerReservesAnNvidiaGpuAndTheCpuVariantIsAProfile() {
        JsonNode gpu = manifests.compose.path("services").path("worker");
        JsonNode device = gpu.path("deploy").path("resources").path("reservations").path("devices").get(0);
        assertThat(device).isNotNull();
        assertThat(device.path("driver").asText()).isEqualTo("nvidia");
        assertThat(device.path("count").asInt()).isEqualTo(1);
        assertThat(device.path("capabilities").toString()).contains("gpu");

        JsonNode cpu = manifests.compose.path("services").path("worker-cpu");
        assertThat(cpu.path("profiles").toString()).contains("cpu");
        assertThat(cpu.path("deploy").path("resources").path("reservations").has("devices")).isFalse();
    }

    @Test
    void composeInitCreatesEveryTopicTheWorkerUsesAndTheBuckets() {
        Map<String, Integer> partitions = composePartitions();
        WorkerConfig config = composeConfig("worker");
        assertThat(partitions).containsKeys(config.kafka().topics().jobs(), config.kafka().topics().status(),
                config.kafka().topics().results(), config.kafka().topics().deadLetters());
        assertThat(partitions.values()).allMatch(n -> n > 0);
        String buckets = manifests.compose.path("services").path("init-minio").path("command").toString();
        assertThat(buckets).contains("local/uploads").contains("local/cutouts");
        assertThat(manifests.compose.path("services").path("kafka").path("environment")
                .path("KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText()).isEqualTo("false");
    }

    @Test
    void theWorkerImageSetsOnlyKnownKeys() throws IOException {
        String dockerfile = Files.readString(manifests.root.resolve("worker/Dockerfile"));
        Matcher m = Pattern.compile("\\b(AUTOHAIR_[A-Z0-9_]+)=").matcher(dockerfile);
        Set<String> keys = new TreeSet<>();
        while (m.find()) {
            keys.add(m.group(1));
        }
        assertThat(keys).isNotEmpty();
        assertThat(WorkerConfig.KEYS).containsAll(keys);
        assertThat(dockerfile).contains("EXPOSE " + composeConfig("worker").httpPort());
    }

    @Test
    void theWorkerImageCopiesWhatMavenBuildsAndRunsTheWorkerCommand() throws Exception {
        String dockerfile = Files.readString(manifests.root.resolve("worker/Dockerfile"));
        String pom = Files.readString(manifests.root.resolve("worker/pom.xml"));
        Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(pom);
        assertThat(finalName.find()).isTrue();
        assertThat(dockerfile).contains("COPY worker/target/" + finalName.group(1) + ".jar ")
                .contains("COPY worker/target/lib/ ");
        Matcher entrypoint = Pattern.compile("ENTRYPOINT \\[.*\"(dev\\.autohair\\.[\\w.]+)\", \"worker\"]").matcher(dockerfile);
        assertThat(entrypoint.find()).as("ENTRYPOINT runs a main class with the worker command").isTrue();
        assertThat(Class.forName(entrypoint.group(1)).getMethod("main", String[].class)).isNotNull();
    }

    @Test
    void everyFileTheImagesCopyPassesTheDockerignore() throws IOException {
        Set<String> allowed = Files.readAllLines(manifests.root.resolve(".dockerignore")).stream()
                .filter(line -> line.startsWith("!")).map(line -> line.substring(1)).collect(Collectors.toSet());
        Pattern copy = Pattern.compile("^COPY (\\S+) ", Pattern.MULTILINE);
        for (String image : new String[] {"worker/Dockerfile", "status/Dockerfile"}) {
            Matcher m = copy.matcher(Files.readString(manifests.root.resolve(image)));
            int copies = 0;
            while (m.find()) {
                assertThat(allowed).as(image + " copies " + m.group(1)).contains(m.group(1));
                copies++;
            }
            assertThat(copies).as(image).isPositive();
        }
    }

    // ---- helpers ----

    /** Loads {@code env} as the worker would: unknown or missing keys and bad values all throw. */
    private static WorkerConfig assertKnownAndComplete(String where, Map<String, String> env) {
        Set<String> autohair = env.keySet().stream().filter(k -> k.startsWith(WorkerConfig.PREFIX))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(WorkerConfig.KEYS).as(where + ": every AUTOHAIR_* variable is a key the worker knows").containsAll(autohair);
        assertThat(autohair).as(where + ": the required keys are set").containsAll(WorkerConfig.REQUIRED);
        assertThatCode(() -> WorkerConfig.load(env, Optional.empty())).as(where).doesNotThrowAnyException();
        return WorkerConfig.load(env, Optional.empty());
    }

    private JsonNode workerPodSpecParent() {
        return manifests.get("StatefulSet", WORKER).node().path("spec").path("template");
    }

    private JsonNode workerPodSpec() {
        return workerPodSpecParent().path("spec");
    }

    private JsonNode workerContainer() {
        JsonNode containers = workerPodSpec().path("containers");
        assertThat(containers.size()).isEqualTo(1);
        return containers.get(0);
    }

    /** The container's environment: its ConfigMaps (envFrom) overlaid by env; Secret values stand in as text. */
    private Map<String, String> workerK8sEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode container = workerContainer();
        for (JsonNode from : container.path("envFrom")) {
            String map = from.path("configMapRef").path("name").asText();
            manifests.get("ConfigMap", map).node().path("data").fields()
                    .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        }
        for (JsonNode var : container.path("env")) {
            env.put(var.path("name").asText(), var.has("value") ? var.path("value").asText() : "from-" + var.path("valueFrom").fieldNames().next());
        }
        return env;
    }

    private WorkerConfig workerK8sConfig() {
        return WorkerConfig.load(workerK8sEnvironment(), Optional.empty());
    }

    /** The container port that a probe's {@code httpGet} names (by name or number) must be the worker's HTTP port. */
    private String httpGet(JsonNode container, String probe, int workerPort) {
        JsonNode get = container.path(probe).path("httpGet");
        assertThat(get.isMissingNode()).as(probe).isFalse();
        JsonNode port = get.path("port");
        int number = port.isInt() ? port.asInt() : -1;
        for (JsonNode p : container.path("ports")) {
            if (p.path("name").asText().equals(port.asText())) {
                number = p.path("containerPort").asInt();
            }
        }
        assertThat(number).as(probe + " port").isEqualTo(workerPort);
        return get.path("path").asText();
    }

    /** Whether a selector (matchLabels, or a Service's plain selector) picks pods with {@code labels}. */
    private static boolean selects(JsonNode selectorParent, JsonNode labels) {
        JsonNode selector = selectorParent.has("matchLabels") ? selectorParent.path("matchLabels") : selectorParent.path("selector");
        if (selector.isMissingNode() || selector.isEmpty()) {
            return false;
        }
        for (var it = selector.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!labels.path(e.getKey()).asText().equals(e.getValue().asText())) {
                return false;
            }
        }
        return true;
    }

    private Map<String, JsonNode> composeWorkers() {
        Map<String, JsonNode> workers = new LinkedHashMap<>();
        manifests.compose.path("services").fields().forEachRemaining(e -> {
            JsonNode s = e.getValue();
            if (s.path("image").asText().startsWith("autohair/worker")
                    || s.path("build").path("dockerfile").asText().equals("worker/Dockerfile")) {
                workers.put(e.getKey(), s);
            }
        });
        return workers;
    }

    private WorkerConfig composeConfig(String service) {
        return WorkerConfig.load(composeEnvironment(manifests.compose.path("services").path(service)), Optional.empty());
    }

    /** A service's environment (map or list form), with ${VAR:-default} taken at its default, as compose would without a .env. */
    private static Map<String, String> composeEnvironment(JsonNode service) {
        Map<String, String> env = new HashMap<>();
        JsonNode environment = service.path("environment");
        if (environment.isArray()) {
            for (JsonNode item : environment) {
                String[] kv = item.asText().split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        } else {
            environment.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        }
        env.replaceAll((k, v) -> COMPOSE_VARIABLE.matcher(v).replaceAll(r -> Matcher.quoteReplacement(r.group(2))));
        return env;
    }

    /** Topic → partitions, read from the kafka-topics.sh calls of the init-kafka service. */
    private Map<String, Integer> composePartitions() {
        Map<String, Integer> partitions = new HashMap<>();
        Matcher m = TOPIC.matcher(manifests.compose.path("services").path("init-kafka").path("command").toString());
        while (m.find()) {
            partitions.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        return partitions;
    }
}
