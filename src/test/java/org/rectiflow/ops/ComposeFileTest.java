package org.rectiflow.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The production setup (docker-compose.yml, docker/haproxy.cfg, .env.example, the Dockerfile and
 * .dockerignore) checked without a Docker engine: the services and their wiring, the sticky load balancer,
 * the variables an operator must set, the image, and that every variable the nodes set reaches a property
 * the application reads. It reads the files only; it runs nothing.
 */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("docker-compose.yml");
    private static final Path HAPROXY = Path.of("docker/haproxy.cfg");
    private static final Path ENV_EXAMPLE = Path.of(".env.example");
    private static final Path DOCKERFILE = Path.of("Dockerfile");
    private static final Path DOCKERIGNORE = Path.of(".dockerignore");
    private static final List<String> NODES = List.of("app1", "app2");
    /** The bucket minio-init creates and the nodes' commented settings name. */
    private static final String EVIDENCE_BUCKET = "rectiflow-evidence";

    /** Variables of the nodes that are not Spring properties, and who reads them. */
    private static final Map<String, String> OS_VARIABLES = Map.of(
        "TZ", "the JVM (its default time zone, in which Camunda reads cron timers)");

    /**
     * Variables the nodes set for properties the application does not read yet: they come with the
     * production settings and the e-mail channel, written alongside this setup. Each must stay unknown
     * while it is listed here: once the application reads it, this test fails until it is removed from
     * this list, and from then on it is checked like every other variable.
     */
    private static final Map<String, String> AWAITED = Map.of();

    private static final Pattern VARIABLE = Pattern.compile(
        "(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?}");

    private static JsonNode compose;

    @BeforeAll
    static void readCompose() throws IOException {
        compose = new YAMLMapper().readTree(COMPOSE.toFile());
    }

    @Test
    void theSevenServicesAreThere() {
        assertThat(compose.has("version")).as("the Compose specification has no version key").isFalse();
        assertThat(names(compose.path("services"))).containsExactlyInAnyOrder("db", "app1", "app2", "lb", "mailpit",
            "minio", "minio-init");
    }

    @Test
    void everyPulledImageIsPinnedToARelease() {
        assertThat(service("db").path("image").asText()).matches("postgres:16\\.\\d+(-[a-z0-9]+)?");
        assertThat(service("lb").path("image").asText()).matches("haproxy:2\\.8\\.\\d+(-[a-z0-9]+)?");
        assertThat(service("mailpit").path("image").asText()).matches("axllent/mailpit:v\\d+\\.\\d+\\.\\d+");
        assertThat(service("minio").path("image").asText())
            .matches("minio/minio:RELEASE\\.\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}Z");
        assertThat(service("minio-init").path("image").asText())
            .matches("minio/mc:RELEASE\\.\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}Z");
        for (String node : NODES) {
            assertThat(service(node).path("image").asText()).as("the image built here").isEqualTo("rectiflow:local");
        }
    }

    @Test
    void theDatabaseIsPostgres16WithItsVolumeAndHealthCheck() {
        JsonNode db = service("db");
        assertThat(db.path("image").asText()).startsWith("postgres:16.");
        Map<String, String> env = environment("db");
        assertThat(env).containsEntry("POSTGRES_DB", "rectiflow").containsEntry("POSTGRES_USER", "rectiflow");
        assertThat(env.get("POSTGRES_PASSWORD")).matches("\\$\\{POSTGRES_PASSWORD:\\?.+}");
        assertThat(texts(db.path("volumes"))).contains("pgdata:/var/lib/postgresql/data");
        assertThat(names(compose.path("volumes"))).contains("pgdata");
        assertThat(healthCheck("db")).startsWith("pg_isready").containsSequence("-U", "rectiflow")
            .containsSequence("-d", "rectiflow");
        assertThat(ports("db")).as("the database is reached by the nodes only").isEmpty();
    }

    @Test
    void bothNodesRunTheSameImageWithTheSameSettingsButTheirNodeId() {
        String image = service("app1").path("image").asText();
        assertThat(image).isNotBlank();
        assertThat(service("app2").path("image").asText()).isEqualTo(image);
        assertThat(NODES.stream().filter(node -> service(node).has("build")))
            .as("one node builds the image both run").isNotEmpty();

        Map<String, String> app1 = environment("app1");
        Map<String, String> app2 = environment("app2");
        assertThat(app1.get("RECTIFLOW_NODE_ID")).isEqualTo("app1");
        assertThat(app2.get("RECTIFLOW_NODE_ID")).isEqualTo("app2");
        app1.remove("RECTIFLOW_NODE_ID");
        app2.remove("RECTIFLOW_NODE_ID");
        assertThat(app2).as("app2's settings are app1's").isEqualTo(app1);

        for (String node : NODES) {
            Map<String, String> env = environment(node);
            assertThat(env).containsEntry("SPRING_PROFILES_ACTIVE", "prod")
                .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://db:5432/rectiflow")
                .containsEntry("SPRING_DATASOURCE_USERNAME", "rectiflow")
                .containsEntry("SPRING_MAIL_HOST", "mailpit")
                .containsEntry("SPRING_MAIL_PORT", "1025")
                .containsEntry("RECTIFLOW_NOTIFICATION_EMAIL_ENABLED", "true")
                .containsEntry("TZ", "Asia/Shanghai");
            assertThat(env.get("SPRING_DATASOURCE_PASSWORD")).startsWith("${POSTGRES_PASSWORD");
            for (String required : List.of("RECTIFLOW_ADMIN_USER", "RECTIFLOW_ADMIN_PASSWORD")) {
                assertThat(env.get(required)).as("%s of %s must be set (:?)", required, node)
                    .matches("\\$\\{" + required + ":\\?.+}");
            }
            assertThat(env.keySet()).as("cookie settings stay the application's defaults")
                .noneMatch(name -> name.contains("COOKIE"));
        }
    }

    @Test
    void theNodesWaitForAHealthyDatabaseAreCheckedAndPublishNoPort() throws IOException {
        List<String> dockerfile = dockerfileInstructions();
        for (String node : NODES) {
            assertThat(dependsOn(node)).containsEntry("db", "service_healthy").containsKey("mailpit");
            assertThat(ports(node)).as("%s is reached through the load balancer only", node).isEmpty();
            List<String> check = healthCheck(node);
            assertThat(check).isNotEmpty();
            String script = check.get(check.size() - 1);
            assertThat(dockerfile).as("the image holds %s", script)
                .anyMatch(line -> line.startsWith("COPY ") && line.endsWith(" " + script));
            assertThat(dockerfile).as("the image's own health check is the same")
                .anyMatch(line -> line.startsWith("HEALTHCHECK ") && line.contains("\"" + script + "\""));
        }
        assertThat(Files.readString(Path.of("docker/healthcheck.sh"))).contains("GET /actuator/health");
        assertThat(dependsOn("app2")).as("the nodes start independently (ClusterStartupLock serialises their start)")
            .doesNotContainKey("app1");
    }

    @Test
    void theLoadBalancerPublishes8080AndKeepsABrowserOnItsNode() throws IOException {
        JsonNode lb = service("lb");
        assertThat(lb.path("image").asText()).startsWith("haproxy:2.8.");
        assertThat(ports("lb")).containsExactly("8080:8080");
        assertThat(texts(lb.path("volumes"))).contains("./docker/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro");

        List<String> config = configLines(HAPROXY);
        assertThat(config).contains("bind :8080", "balance roundrobin");
        assertThat(config).anyMatch(line -> line.startsWith("cookie SERVERID insert indirect nocache"));
        assertThat(config).anyMatch(line -> line.startsWith("http-check send") && line.contains("uri /actuator/health"));
        assertThat(config).contains("http-check expect status 200");
        List<String> servers = config.stream().filter(line -> line.startsWith("server ")).toList();
        assertThat(servers).hasSize(NODES.size());
        for (String node : NODES) {
            assertThat(servers).anySatisfy(server -> assertThat(List.of(server.split("\\s+")))
                .startsWith("server", node, node + ":8080").contains("check").containsSequence("cookie", node));
        }
    }

    @Test
    void theLoadBalancerDropsTheClientsForwardingHeadersAndSetsItsOwn() throws IOException {
        List<String> config = configLines(HAPROXY);
        List<String> frontend = section(config, "frontend http");
        String dropForwarded = "http-request del-header Forwarded";
        String dropXForwarded = "http-request del-header X-Forwarded- -m beg";
        assertThat(frontend).contains(dropForwarded, dropXForwarded);
        int dropped = frontend.indexOf(dropXForwarded);
        for (String header : List.of("X-Forwarded-Proto", "X-Forwarded-Host", "X-Forwarded-Port")) {
            List<String> sets = frontend.stream().filter(line -> line.startsWith("http-request set-header " + header + " "))
                .toList();
            assertThat(sets).as("the balancer sets %s", header).isNotEmpty();
            sets.forEach(line -> assertThat(frontend.indexOf(line)).as("%s is set after the drop", header)
                .isGreaterThan(dropped));
        }
        assertThat(frontend).contains("http-request set-header X-Forwarded-Proto https if { ssl_fc }",
            "http-request set-header X-Forwarded-Proto http unless { ssl_fc }",
            "http-request set-header X-Forwarded-Host %[req.hdr(host)]",
            "http-request set-header X-Forwarded-Port %[dst_port]");
        assertThat(config).as("X-Forwarded-For from the balancer, always (not if-none)").contains("option forwardfor");
        assertThat(config).noneMatch(line -> line.startsWith("option forwardfor") && line.contains("if-none"));
    }

    @Test
    void theNodesTrustForwardingHeadersFromTheLoadBalancersFixedAddressOnly() {
        String address = service("lb").path("networks").path("default").path("ipv4_address").asText();
        assertThat(address).as("lb's fixed address").matches("\\d{1,3}(\\.\\d{1,3}){3}");
        JsonNode subnets = compose.path("networks").path("default").path("ipam").path("config");
        assertThat(subnets.size()).isOne();
        String subnet = subnets.get(0).path("subnet").asText();
        assertThat(inNetwork(address, subnet)).as("%s lies in %s", address, subnet).isTrue();
        for (String node : NODES) {
            assertThat(environment(node)).as("%s trusts the balancer only", node)
                .containsEntry("RECTIFLOW_PROXY_TRUSTED", address);
            assertThat(service(node).has("networks")).as("%s is on the default network", node).isFalse();
        }
    }

    @Test
    void mailpitTakesTheMailAndShowsItOn8025() {
        assertThat(service("mailpit").path("image").asText()).startsWith("axllent/mailpit:");
        assertThat(ports("mailpit")).singleElement().asString().endsWith("8025:8025");
        assertThat(ports("mailpit")).noneMatch(port -> port.endsWith(":1025"));
    }

    @Test
    void minioHasItsOwnCredentialsAVolumeAHealthCheckAndItsBucket() {
        Map<String, String> env = environment("minio");
        for (String required : List.of("MINIO_ROOT_USER", "MINIO_ROOT_PASSWORD")) {
            assertThat(env.get(required)).as("%s must be set (:?), no default", required)
                .matches("\\$\\{" + required + ":\\?.+}");
            assertThat(environment("minio-init").get(required)).isEqualTo(env.get(required));
        }
        assertThat(texts(service("minio").path("volumes"))).contains("miniodata:/data");
        assertThat(names(compose.path("volumes"))).contains("miniodata");
        assertThat(healthCheck("minio")).containsExactly("mc", "ready", "local");
        assertThat(ports("minio")).as("the console on loopback only, S3 inside the network only")
            .containsExactly("127.0.0.1:9001:9001");
        assertThat(dependsOn("minio-init")).containsExactly(Map.entry("minio", "service_healthy"));
        assertThat(service("minio-init").path("restart").asText()).isEqualTo("no");
        assertThat(texts(service("minio-init").path("command"))).singleElement().asString()
            .contains("mc alias set store http://minio:9000 \"$$MINIO_ROOT_USER\" \"$$MINIO_ROOT_PASSWORD\"")
            .endsWith("&& mc mb --ignore-existing store/" + EVIDENCE_BUCKET);
        for (String node : NODES) {
            assertThat(dependsOn(node)).as("a node starts without MinIO (its health shows the store)")
                .doesNotContainKeys("minio", "minio-init");
        }
    }

    @Test
    void theNodesCommentedObjectStoreSettingsUseMinioAndReachTheApplicationsProperties() throws Exception {
        List<String> lines = Files.readAllLines(COMPOSE);
        KnownProperties known = KnownProperties.load();
        List<Map<String, String>> blocks = new ArrayList<>();
        Map<String, String> block = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher setting = Pattern.compile("\\s*#\\s*(RECTIFLOW_EVIDENCE_[A-Z0-9_]+): (.+)").matcher(line);
            if (setting.matches()) {
                block.put(setting.group(1), setting.group(2).strip());
            } else if (!block.isEmpty()) {
                blocks.add(block);
                block = new LinkedHashMap<>();
            }
        }
        assertThat(blocks).as("one commented block in each node").hasSize(NODES.size());
        assertThat(blocks.get(1)).isEqualTo(blocks.get(0));
        assertThat(blocks.get(0)).containsExactly(
            Map.entry("RECTIFLOW_EVIDENCE_STORE", "s3"),
            Map.entry("RECTIFLOW_EVIDENCE_S3_ENDPOINT", "http://minio:9000"),
            Map.entry("RECTIFLOW_EVIDENCE_S3_BUCKET", EVIDENCE_BUCKET),
            Map.entry("RECTIFLOW_EVIDENCE_S3_ACCESSKEY", environment("minio").get("MINIO_ROOT_USER")),
            Map.entry("RECTIFLOW_EVIDENCE_S3_SECRETKEY", environment("minio").get("MINIO_ROOT_PASSWORD")));
        assertThat(blocks.get(0).keySet()).as("each reaches a property the application reads").allMatch(known::bind);
    }

    @Test
    void everyVariableIsInTheEnvExampleOrHasADefault() throws IOException {
        String text = Files.readString(COMPOSE);
        assertThat(text).as("variables are written ${NAME}").doesNotContainPattern("(?<!\\$)\\$[A-Za-z_]");
        Map<String, String> documented = envExample(false);
        Set<String> mentioned = envExample(true).keySet();
        Matcher matcher = VARIABLE.matcher(text);
        List<String> used = new ArrayList<>();
        while (matcher.find()) {
            String name = matcher.group(1);
            String operator = matcher.group(2);
            used.add(name);
            if (operator != null && !operator.contains("?")) {
                assertThat(mentioned).as("%s has a default and is mentioned in .env.example", name).contains(name);
            } else {
                assertThat(documented).as("%s must be set in .env", name).containsKey(name);
            }
        }
        assertThat(used).contains("POSTGRES_PASSWORD", "RECTIFLOW_ADMIN_USER", "RECTIFLOW_ADMIN_PASSWORD",
            "MINIO_ROOT_USER", "MINIO_ROOT_PASSWORD");
    }

    @Test
    void theEnvExampleHoldsNoPassword() throws IOException {
        envExample(true).forEach((name, value) -> {
            if (name.contains("PASSWORD") || name.contains("SECRET")) {
                assertThat(value).as("%s in .env.example", name).isEmpty();
            }
        });
        assertThat(Files.readAllLines(Path.of(".gitignore"))).as(".env holds the passwords").contains(".env");
    }

    @Test
    void theImageRunsThePackagedJarAsANonRootUserInTheOfficesZone() throws Exception {
        List<String> instructions = dockerfileInstructions();
        Set<String> stages = new HashSet<>();
        int last = 0;
        for (int i = 0; i < instructions.size(); i++) {
            String[] from = instructions.get(i).split("\\s+");
            if (!from[0].equals("FROM")) {
                continue;
            }
            if (!stages.contains(from[1])) {
                assertThat(from[1]).as("the base image, pinned to a Temurin 17 release")
                    .matches("eclipse-temurin:17\\.0\\.\\d+_\\d+-jre(-[a-z]+)?");
            }
            if (from.length == 4 && from[2].equalsIgnoreCase("AS")) {
                stages.add(from[3]);
            }
            last = i;
        }
        List<String> runtime = instructions.subList(last, instructions.size());
        assertThat(runtime).as("the runtime stage's instructions").contains("ENV TZ=Asia/Shanghai", "EXPOSE 8080");
        assertThat(runtime).filteredOn(line -> line.startsWith("USER ")).singleElement().asString()
            .doesNotMatch("USER (root|0)(:.*)?");
        assertThat(runtime).anyMatch(line -> line.startsWith("HEALTHCHECK ") && !line.contains("NONE"));
        assertThat(runtime).anyMatch(line -> line.startsWith("ENTRYPOINT ") && line.contains("-XX:MaxRAMPercentage=75"));

        String jar = "target/" + artifactId() + "-*.jar";
        assertThat(instructions).as("the image copies the jar ./mvnw package makes").anyMatch(line ->
            line.startsWith("COPY " + jar + " "));
        assertThat(configLines(DOCKERIGNORE)).contains("*", "!" + jar, "!docker/healthcheck.sh");
    }

    @Test
    void everyVariableTheNodesSetReachesAPropertyTheApplicationKnows() throws Exception {
        Map<String, String> env = environment("app1");
        assertThat(env).containsKeys("SPRING_DATASOURCE_URL", "RECTIFLOW_ADMIN_USER", "RECTIFLOW_ADMIN_PASSWORD",
            "RECTIFLOW_NODE_ID", "SPRING_MAIL_HOST");
        assertThat(env.keySet()).containsAll(AWAITED.keySet());

        KnownProperties known = KnownProperties.load();
        List<String> unknown = env.keySet().stream()
            .filter(name -> !OS_VARIABLES.containsKey(name) && !known.bind(name)).sorted().toList();
        assertThat(unknown).as("variables that reach no property of the application (nor are awaited)")
            .isSubsetOf(AWAITED.keySet());
        List<String> nowKnown = AWAITED.keySet().stream().filter(known::bind).sorted().toList();
        assertThat(nowKnown).as("awaited variables the application now reads: remove them from AWAITED").isEmpty();
    }

    // --- compose helpers

    private static JsonNode service(String name) {
        JsonNode service = compose.path("services").path(name);
        assertThat(service.isObject()).as("service %s", name).isTrue();
        return service;
    }

    /** A service's environment, from the map or the list form. */
    private static Map<String, String> environment(String name) {
        JsonNode environment = service(name).path("environment");
        Map<String, String> env = new LinkedHashMap<>();
        if (environment.isArray()) {
            for (JsonNode entry : environment) {
                String[] pair = entry.asText().split("=", 2);
                env.put(pair[0], pair.length > 1 ? pair[1] : null);
            }
        } else {
            environment.fields().forEachRemaining(field -> env.put(field.getKey(), field.getValue().asText()));
        }
        return env;
    }

    /** A service's dependencies with their conditions (the list form means service_started). */
    private static Map<String, String> dependsOn(String name) {
        JsonNode dependsOn = service(name).path("depends_on");
        Map<String, String> conditions = new LinkedHashMap<>();
        if (dependsOn.isArray()) {
            dependsOn.forEach(dependency -> conditions.put(dependency.asText(), "service_started"));
        } else {
            dependsOn.fields().forEachRemaining(field ->
                conditions.put(field.getKey(), field.getValue().path("condition").asText("service_started")));
        }
        return conditions;
    }

    /** Published ports as [host address:]published:target. */
    private static List<String> ports(String name) {
        List<String> ports = new ArrayList<>();
        for (JsonNode port : service(name).path("ports")) {
            if (port.isObject()) {
                String address = port.path("host_ip").asText("");
                ports.add((address.isEmpty() ? "" : address + ":") + port.path("published").asText() + ":"
                    + port.path("target").asText());
            } else {
                ports.add(port.asText().replaceFirst("/tcp$", ""));
            }
        }
        return ports;
    }

    /** The health check's command ("CMD" and "CMD-SHELL" left off); it must be neither absent nor disabled. */
    private static List<String> healthCheck(String name) {
        JsonNode healthcheck = service(name).path("healthcheck");
        assertThat(healthcheck.path("disable").asBoolean(false)).as("%s's health check is disabled", name).isFalse();
        JsonNode test = healthcheck.path("test");
        List<String> command = test.isArray() ? texts(test) : List.of("CMD-SHELL", test.asText());
        assertThat(command).as("%s's health check", name).isNotEmpty().doesNotContain("NONE");
        return command.subList(1, command.size()).stream()
            .flatMap(part -> command.get(0).equals("CMD-SHELL") ? Stream.of(part.split("\\s+")) : Stream.of(part))
            .toList();
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    // --- other files

    /** .env.example as name to value; with {@code commented}, also the optional "# NAME=value" lines. */
    private static Map<String, String> envExample(boolean commented) throws IOException {
        Pattern assignment = Pattern.compile((commented ? "#?\\s*" : "") + "([A-Z_][A-Z0-9_]*)=(.*)");
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(ENV_EXAMPLE)) {
            Matcher matcher = assignment.matcher(line.strip());
            if (matcher.matches()) {
                values.put(matcher.group(1), matcher.group(2).strip());
            }
        }
        return values;
    }

    /** The lines of one section of an HAProxy configuration (its header line left off). */
    private static List<String> section(List<String> config, String header) {
        int start = config.indexOf(header);
        assertThat(start).as("section %s", header).isNotNegative();
        List<String> lines = new ArrayList<>();
        for (String line : config.subList(start + 1, config.size())) {
            if (line.matches("(global|defaults|frontend|backend|listen|resolvers)(\\s.*)?")) {
                break;
            }
            lines.add(line);
        }
        return lines;
    }

    /** Whether an IPv4 address lies in an IPv4 network (a.b.c.d/n). */
    private static boolean inNetwork(String address, String network) {
        String[] parts = network.split("/");
        int bits = Integer.parseInt(parts[1]);
        long mask = bits == 0 ? 0 : (0xffffffffL << (32 - bits)) & 0xffffffffL;
        return (ipv4(address) & mask) == (ipv4(parts[0]) & mask);
    }

    private static long ipv4(String address) {
        long value = 0;
        for (String octet : address.split("\\.")) {
            value = (value << 8) | Integer.parseInt(octet);
        }
        return value;
    }

    /** A configuration file's lines without comments, blank lines and indentation. */
    private static List<String> configLines(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(line -> line.replaceFirst("(^|\\s)#.*", "").strip())
            .filter(line -> !line.isEmpty()).toList();
    }

    /** The Dockerfile's instructions, continuation lines joined, whitespace collapsed. */
    private static List<String> dockerfileInstructions() throws IOException {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(DOCKERFILE)) {
            String stripped = line.strip();
            if (stripped.startsWith("#") || stripped.isEmpty()) {
                continue;
            }
            if (stripped.endsWith("\\")) {
                current.append(stripped, 0, stripped.length() - 1).append(' ');
                continue;
            }
            instructions.add(current.append(stripped).toString().replaceAll("\\s+", " "));
            current.setLength(0);
        }
        return instructions;
    }

    private static String artifactId() throws Exception {
        var pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        var children = pom.getDocumentElement().getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if ("artifactId".equals(children.item(i).getNodeName())) {
                return children.item(i).getTextContent().strip();
            }
        }
        throw new IllegalStateException("pom.xml has no artifactId");
    }

    /**
     * The properties the application reads: Spring Boot's and the starters' configuration metadata on the
     * classpath, the application's own @ConfigurationProperties, the keys of its application*.yml, and the
     * ${…} placeholders of its code and resources. A variable is known when Spring's relaxed binding of the
     * system environment maps it onto one of them (RECTIFLOW_LOOK_BACK_SHARE onto rectiflow.look-back.share).
     */
    private record KnownProperties(Set<ConfigurationPropertyName> names, Set<ConfigurationPropertyName> maps) {

        private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)[:}]");

        static KnownProperties load() throws Exception {
            Set<String> names = new HashSet<>();
            Set<String> maps = new HashSet<>();
            ObjectMapper json = new ObjectMapper();
            for (String file : List.of("META-INF/spring-configuration-metadata.json",
                "META-INF/additional-spring-configuration-metadata.json")) {
                Enumeration<URL> resources = ComposeFileTest.class.getClassLoader().getResources(file);
                for (URL resource : Collections.list(resources)) {
                    try (InputStream in = resource.openStream()) {
                        for (JsonNode property : json.readTree(in).path("properties")) {
                            String name = property.path("name").asText();
                            names.add(name);
                            if (property.path("type").asText().startsWith("java.util.Map")) {
                                maps.add(name);
                            }
                        }
                    }
                }
            }
            ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
            scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
            for (BeanDefinition candidate : scanner.findCandidateComponents("org.rectiflow")) {
                Class<?> type = Class.forName(candidate.getBeanClassName());
                ConfigurationProperties annotation = AnnotationUtils.findAnnotation(type, ConfigurationProperties.class);
                addComponents(annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix(), type, names);
            }
            YAMLMapper yaml = new YAMLMapper();
            try (Stream<Path> files = Files.list(Path.of("src/main/resources"))) {
                for (Path file : files.filter(f -> f.getFileName().toString().matches("application.*\\.ya?ml")).toList()) {
                    addKeys("", yaml.readTree(file.toFile()), names);
                }
            }
            try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")),
                Files.walk(Path.of("src/main/resources")))) {
                for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().matches(".*\\.(java|ya?ml|properties)")).toList()) {
                    Matcher matcher = PLACEHOLDER.matcher(Files.readString(file));
                    while (matcher.find()) {
                        names.add(matcher.group(1));
                    }
                }
            }
            return new KnownProperties(canonical(names), canonical(maps));
        }

        /** Does the variable, set in the system environment, bind to a known property? */
        boolean bind(String variable) {
            SystemEnvironmentPropertySource environment = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.<String, Object>of(variable, "value"));
            Iterator<ConfigurationPropertySource> sources = ConfigurationPropertySources.from(environment).iterator();
            ConfigurationPropertySource source = sources.next();
            return names.stream().anyMatch(name -> source.getConfigurationProperty(name) != null)
                || maps.stream().anyMatch(name -> source.containsDescendantOf(name) == ConfigurationPropertyState.PRESENT);
        }

        private static void addComponents(String prefix, Class<?> type, Set<String> names) {
            if (!type.isRecord()) {
                // a JavaBean: its setters
                Stream.of(type.getMethods()).filter(m -> m.getName().startsWith("set") && m.getParameterCount() == 1)
                    .forEach(m -> names.add(prefix + "." + kebab(m.getName().substring(3))));
                return;
            }
            for (RecordComponent component : type.getRecordComponents()) {
                String name = prefix + "." + kebab(component.getName());
                names.add(name);
                if (component.getType().isRecord() && component.getType().getName().startsWith("org.rectiflow")) {
                    addComponents(name, component.getType(), names);
                }
            }
        }

        private static void addKeys(String prefix, JsonNode node, Set<String> names) {
            if (!node.isObject()) {
                names.add(prefix);
                return;
            }
            node.fields().forEachRemaining(field ->
                addKeys(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), names));
        }

        private static String kebab(String camel) {
            return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
        }

        private static Set<ConfigurationPropertyName> canonical(Set<String> names) {
            return names.stream().map(name -> ConfigurationPropertyName.ofIfValid(name.toLowerCase()))
                .filter(name -> name != null && !name.isEmpty()).collect(Collectors.toSet());
        }
    }
}
