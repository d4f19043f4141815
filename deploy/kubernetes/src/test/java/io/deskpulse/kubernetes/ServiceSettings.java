package io.deskpulse.kubernetes;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * What one service reads, from its own sources: application.properties, its @ConfigMapping
 * interfaces, the ${...} properties its code refers to, and its rows of docs/configuration.md.
 * Nothing here is a second copy of the services' configuration.
 */
public final class ServiceSettings {

    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\(prefix\\s*=\\s*\"([^\"]+)\"\\)");
    private static final Pattern METHOD = Pattern.compile("^\\s+(?:[\\w.<>, ]+)\\s+(\\w+)\\(\\);", Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([a-z0-9.\\-\"]+)(?::[^}]*)?}");
    private static final Pattern DOC_ROW = Pattern.compile("^\\|\\s*`([a-z0-9.\\-\"]+)`[^|]*\\|([^|]*)\\|([^|]*)\\|", Pattern.MULTILINE);

    public final String name;
    public final Path module;
    /** Properties of the default profile (application.properties without %profile. entries). */
    public final Map<String, String> properties = new LinkedHashMap<>();
    /** The %profile. entries of application.properties, by profile. */
    public final Map<String, Map<String, String>> profiles = new LinkedHashMap<>();
    /** Every property name the service reads, whatever its source. */
    public final Set<String> known = new LinkedHashSet<>();
    /** Properties that must be set in Kubernetes: a local-machine default, or none at all. */
    public final Set<String> required = new LinkedHashSet<>();
    public final boolean kafkaClient;

    public ServiceSettings(Path repository, String name) {
        this.name = name;
        this.module = repository.resolve(name);
        readProperties(module.resolve("src/main/resources/application.properties"));
        readSources(module.resolve("src/main/java"));
        readDocs(repository.resolve("docs/configuration.md"));
        kafkaClient = read(module.resolve("pom.xml")).contains("<artifactId>quarkus-kafka-client</artifactId>");
        properties.forEach((key, value) -> {
            if (value.contains("127.0.0.1") || value.contains("localhost")) {
                required.add(key);
            }
        });
    }

    private void readProperties(Path file) {
        Properties all = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            all.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String key : all.stringPropertyNames()) {
            String value = all.getProperty(key);
            if (key.startsWith("%")) {
                known.add(key.substring(key.indexOf('.') + 1));
                profiles.computeIfAbsent(key.substring(1, key.indexOf('.')), p -> new LinkedHashMap<>())
                        .put(key.substring(key.indexOf('.') + 1), value);
            } else {
                properties.put(key, value);
                known.add(key);
            }
            references(value);
        }
    }

    private void readSources(Path sources) {
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = read(file);
                references(source);
                Matcher mapping = MAPPING.matcher(source);
                if (mapping.find()) {
                    Matcher method = METHOD.matcher(source.substring(source.indexOf('{', mapping.end())));
                    while (method.find()) {
                        known.add(mapping.group(1) + "." + kebab(method.group(1)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void references(String text) {
        Matcher reference = REFERENCE.matcher(text);
        while (reference.find()) {
            known.add(reference.group(1));
        }
    }

    /** docs/configuration.md: the shared table names its services; each service's own section follows its heading. */
    private void readDocs(Path file) {
        String docs = read(file);
        for (String section : docs.split("\n## ")) {
            String heading = section.substring(0, section.indexOf('\n')).trim();
            boolean shared = heading.startsWith("Shared");
            if (!shared && !heading.equals(name)) {
                continue;
            }
            Matcher row = DOC_ROW.matcher(section);
            while (row.find()) {
                String services = row.group(2);
                if (shared && !services.contains(name.replace("-service", "")) && !services.trim().equals("all")) {
                    continue;
                }
                String defaultValue = shared ? row.group(3) : row.group(2);
                known.add(row.group(1));
                if (defaultValue.trim().startsWith("none")) {
                    required.add(row.group(1));
                }
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String kebab(String method) {
        return method.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** Quarkus' rule: upper case, every character other than a letter or digit as an underscore. */
    public static String environmentName(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** Whether the service reads this environment variable. */
    public boolean reads(String variable) {
        if (known.stream().anyMatch(p -> environmentName(p).equals(variable))) {
            return true;
        }
        if (kafkaClient && variable.startsWith("KAFKA_")) {
            String setting = variable.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
            return ProducerConfig.configNames().contains(setting) || ConsumerConfig.configNames().contains(setting)
                    || AdminClientConfig.configNames().contains(setting);
        }
        return false;
    }

    public Set<String> requiredVariables() {
        Set<String> variables = new LinkedHashSet<>();
        required.forEach(p -> variables.add(environmentName(p)));
        return variables;
    }

    public String property(String key, String fallback) {
        return properties.getOrDefault(key, fallback);
    }

    /** A property as a profile sees it: its own entry, else the default profile's. */
    public String property(String profile, String key, String fallback) {
        return profiles.getOrDefault(profile, Map.of()).getOrDefault(key, property(key, fallback));
    }

    /** The management interface's port in a profile (Quarkus' default 9000), or -1 when the profile does not enable it. */
    public int managementPort(String profile) {
        return Boolean.parseBoolean(property(profile, "quarkus.management.enabled", "false"))
                ? Integer.parseInt(property(profile, "quarkus.management.port", "9000")) : -1;
    }

    public int httpPort() {
        return Integer.parseInt(properties.get("quarkus.http.port"));
    }

    /** Health paths as Quarkus derives them: root path, non-application root, health root, then each check. */
    public String healthPath(String check) {
        String defaultName = Map.of("liveness", "live", "readiness", "ready", "startup", "started").get(check);
        String health = join(nonApplicationRoot(), property("quarkus.smallrye-health.root-path", "health"));
        return join(health, property("quarkus.smallrye-health." + check + "-path", defaultName));
    }

    public String metricsPath() {
        return join(nonApplicationRoot(), property("quarkus.micrometer.export.prometheus.path", "metrics"));
    }

    private String nonApplicationRoot() {
        return join(property("quarkus.http.root-path", "/"), property("quarkus.http.non-application-root-path", "q"));
    }

    private static String join(String base, String path) {
        if (path.startsWith("/")) {
            return path;
        }
        return (base.endsWith("/") ? base : base + "/") + path;
    }

    /** Backends the service connects to, from the settings it has. */
    public List<String> backends() {
        return Stream.of(properties.containsKey("kafka.bootstrap.servers") ? "kafka" : null,
                properties.containsKey("quarkus.datasource.jdbc.url") ? "postgresql" : null)
                .filter(java.util.Objects::nonNull).toList();
    }

    public boolean ownsSchema() {
        return read(module.resolve("pom.xml")).contains("<artifactId>quarkus-flyway</artifactId>");
    }
}
