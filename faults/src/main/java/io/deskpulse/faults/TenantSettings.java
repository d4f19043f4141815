package io.deskpulse.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Saves a tenant's cost rates through scoring-service's admin API ({@code PUT /v1/settings}, scope admin) before its
 * load, and waits until no recomputation is pending, so that every event of the phase is scored at those rates from
 * the start (a recomputation running meanwhile would be correct too, but the phases should test faults, not that).
 */
final class TenantSettings {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String scoringUrl;

    TenantSettings(String scoringUrl) {
        this.scoringUrl = scoringUrl;
    }

    void saveCostRates(String adminKey, CostSettings costs) throws IOException, InterruptedException {
        HttpResponse<String> saved = http.send(request(adminKey).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(costs.settingsJson())).build(), HttpResponse.BodyHandlers.ofString());
        if (saved.statusCode() != 200) {
            throw new IOException("PUT /v1/settings answered " + saved.statusCode() + ": " + saved.body());
        }
    }

    /** Waits until the tenant's settings have no recomputation pending. */
    void awaitNoRecomputation(String adminKey) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            HttpResponse<String> current = http.send(request(adminKey).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode settings = current.statusCode() == 200 ? JSON.readTree(current.body()) : null;
            if (settings != null && (settings.path("pending_recomputation").isNull()
                    || settings.path("pending_recomputation").isMissingNode())) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("a recomputation was still pending " + PATIENCE.toSeconds() + " s after the cost "
                        + "rates were saved: " + current.statusCode() + " " + current.body());
            }
            Thread.sleep(200);
        }
    }

    private HttpRequest.Builder request(String key) {
        return HttpRequest.newBuilder(URI.create(scoringUrl + "/v1/settings")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).header("Accept", "application/json");
    }
}
