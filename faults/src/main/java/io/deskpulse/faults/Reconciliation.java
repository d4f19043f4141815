package io.deskpulse.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * scoring-service's own check of a tenant's stored numbers against its events ({@code POST /v1/reconciliations},
 * scope admin, {@code repair: false}), run at the end of each phase: it must find no difference. Where the endpoint
 * does not exist (404: a scoring-service without it) the step is skipped and says so.
 */
final class Reconciliation {

    /** {@code status}: done, failed, skipped or timeout; the differences' count and the first few. */
    record Outcome(String status, String id, Long differenceCount, List<String> differences, String note) {

        boolean passed() {
            return status.equals("skipped") || (status.equals("done") && differenceCount != null && differenceCount == 0);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(300);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String scoringUrl;

    Reconciliation(String scoringUrl) {
        this.scoringUrl = scoringUrl;
    }

    Outcome run(String adminKey, Instant from, Instant to) throws IOException, InterruptedException {
        String body = JSON.createObjectNode().put("from", from.toString()).put("to", to.toString()).put("repair", false)
                .toString();
        HttpResponse<String> started = http.send(request("/v1/reconciliations", adminKey)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() == 404) {
            return new Outcome("skipped", null, null, List.of(), "POST /v1/reconciliations answered 404: this "
                    + "scoring-service has no reconciliation endpoint yet; the step is skipped");
        }
        if (started.statusCode() != 202 && started.statusCode() != 200) {
            return new Outcome("failed", null, null, List.of(), "POST /v1/reconciliations answered " + started.statusCode()
                    + ": " + started.body());
        }
        String id = JSON.readTree(started.body()).path("id").asText();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> polled = http.send(request("/v1/reconciliations/" + id, adminKey).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (polled.statusCode() == 200) {
                JsonNode state = JSON.readTree(polled.body());
                String status = state.path("status").asText();
                if (!status.equals("running")) {
                    List<String> differences = new ArrayList<>();
                    for (JsonNode difference : state.path("differences")) {
                        if (differences.size() < 5) {
                            differences.add(difference.toString());
                        }
                    }
                    Long count = state.hasNonNull("difference_count") ? state.get("difference_count").asLong() : null;
                    return new Outcome(status, id, count, differences, null);
                }
            }
            Thread.sleep(500);
        }
        return new Outcome("timeout", id, null, List.of(), "still running after " + PATIENCE.toSeconds() + " s");
    }

    private HttpRequest.Builder request(String path, String key) {
        return HttpRequest.newBuilder(URI.create(scoringUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).header("Accept", "application/json");
    }
}
