package io.deskpulse.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The Grafana dashboard's queries name only meters the services register, under their Prometheus names. */
class DashboardTest {

    private static final Pattern METER = Pattern.compile(
            "(Counter|Timer|Gauge)\\.builder\\(\"([a-z.]+)\"|registry\\.(counter|gauge|timer)\\(\"([a-z.]+)\"");
    static final Pattern SERIES = Pattern.compile("\\b(deskpulse_[a-z_]+|http_server_requests_[a-z_]+)\\b");

    /** Micrometer meter names of the services' sources, with the Prometheus series each one exposes. */
    static Map<String, Set<String>> registeredSeries() throws IOException {
        Map<String, Set<String>> series = new HashMap<>();
        for (String service : List.of("ingestion-service", "scoring-service", "reporting-service")) {
            try (Stream<Path> files = Files.walk(Manifests.repository().resolve(service).resolve("src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    // Buckets only where the timer publishes a histogram (one timer per file in these services).
                    boolean histogram = source.contains("publishPercentileHistogram()");
                    Matcher meter = METER.matcher(source);
                    while (meter.find()) {
                        String type = (meter.group(1) != null ? meter.group(1) : meter.group(3)).toLowerCase();
                        String name = (meter.group(2) != null ? meter.group(2) : meter.group(4)).replace('.', '_');
                        series.put(name, switch (type) {
                            case "counter" -> Set.of(name + "_total");
                            case "gauge" -> Set.of(name);
                            default -> histogram
                                    ? Set.of(name + "_seconds_count", name + "_seconds_sum", name + "_seconds_max",
                                            name + "_seconds_bucket")
                                    : Set.of(name + "_seconds_count", name + "_seconds_sum", name + "_seconds_max");
                        });
                    }
                }
            }
        }
        // Quarkus' own HTTP server timer (quarkus-micrometer with quarkus-rest), in every service.
        series.put("http_server_requests", Set.of("http_server_requests_seconds_count", "http_server_requests_seconds_sum",
                "http_server_requests_seconds_max"));
        return series;
    }

    @Test
    void everyQueryNamesARegisteredSeriesAndEveryTopicHasAPanel() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Manifests.directory().resolve("monitoring/grafana-dashboard.json").toFile());
        Set<String> known = new LinkedHashSet<>();
        registeredSeries().values().forEach(known::addAll);
        Set<String> used = new LinkedHashSet<>();
        List<String> titles = new java.util.ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            titles.add(panel.get("title").asText());
            for (JsonNode target : panel.get("targets")) {
                Matcher series = SERIES.matcher(target.get("expr").asText());
                while (series.find()) {
                    used.add(series.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty().allSatisfy(s -> assertThat(known).as("series %s", s).contains(s));
        assertThat(titles).containsExactly("Ingestion rate", "Consumer lag", "Scoring batch time", "Query latency",
                "Error rates", "Reconciliation");
    }
}
