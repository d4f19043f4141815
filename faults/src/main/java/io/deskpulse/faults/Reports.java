package io.deskpulse.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what a BI tool reads from reporting-service: whole KPI tables and the ticket list, following every page.
 * While the database is down reporting answers 503: the readers wait and ask again, for a while.
 */
final class Reports {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String url;

    Reports(String url) {
        this.url = url;
    }

    /** Every KPI column, one row per UTC day and member of {@code dimension} (tenant, team or agent). */
    List<ObjectNode> kpis(String key, String dimension, LocalDate from, LocalDate to) throws IOException, InterruptedException {
        return rows(key, "/v1/kpis?dimension=" + dimension + "&granularity=day&tz=UTC&from=" + from + "&to=" + to
                + "&limit=10000");
    }

    /** The churn KPIs per UTC day (only days with customer activity have a row). */
    List<ObjectNode> churn(String key, LocalDate from, LocalDate to) throws IOException, InterruptedException {
        return rows(key, "/v1/customers/churn?granularity=day&tz=UTC&from=" + from + "&to=" + to + "&limit=10000");
    }

    /** Every ticket with its facts, in the listing's order. */
    List<ObjectNode> tickets(String key) throws IOException, InterruptedException {
        return rows(key, "/v1/tickets?tz=UTC&limit=10000");
    }

    /**
     * The sum of {@code metrics} over the whole range for the tenant, in one quick attempt; null when reporting does
     * not answer 200 (the database down, the service restarting).
     */
    Long total(String key, LocalDate from, LocalDate to, List<String> metrics) {
        try {
            HttpResponse<String> response = get(key, "/v1/kpis?granularity=total&tz=UTC&from=" + from + "&to=" + to
                    + "&metrics=" + String.join(",", metrics), Duration.ofSeconds(5));
            if (response.statusCode() != 200) {
                return null;
            }
            JsonNode rows = JSON.readTree(response.body()).path("rows");
            long sum = 0;
            for (JsonNode row : rows) {
                for (String metric : metrics) {
                    sum += row.path(metric).asLong();
                }
            }
            return sum;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** One page of the incremental ticket export, or null when reporting does not answer 200. */
    record ExportPage(List<ObjectNode> rows, String nextCursor, String resumeCursor) {
    }

    ExportPage exportPage(String key, String cursor) {
        String path = "/v1/tickets?updated_since=2000-01-01T00:00:00Z&limit=1000"
                + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = get(key, path, Duration.ofSeconds(10));
            if (response.statusCode() != 200) {
                return null;
            }
            JsonNode page = JSON.readTree(response.body());
            List<ObjectNode> rows = new ArrayList<>();
            page.path("rows").forEach(row -> rows.add((ObjectNode) row));
            return new ExportPage(rows, page.path("next_cursor").asText(null), page.path("resume_cursor").asText(null));
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private List<ObjectNode> rows(String key, String first) throws IOException, InterruptedException {
        List<ObjectNode> rows = new ArrayList<>();
        String next = first;
        while (next != null) {
            JsonNode page = JSON.readTree(patiently(key, next));
            page.path("rows").forEach(row -> rows.add((ObjectNode) row));
            JsonNode cursor = page.path("next_cursor");
            next = cursor.isNull() || cursor.isMissingNode() ? null
                    : first + "&cursor=" + URLEncoder.encode(cursor.asText(), StandardCharsets.UTF_8);
        }
        return rows;
    }

    private String patiently(String key, String pathAndQuery) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String last;
        while (true) {
            try {
                HttpResponse<String> response = get(key, pathAndQuery, Duration.ofSeconds(30));
                if (response.statusCode() == 200) {
                    return response.body();
                }
                if (response.statusCode() != 503) {
                    throw new IOException("reporting answered " + response.statusCode() + " to " + pathAndQuery + ": "
                            + response.body());
                }
                last = "503";
            } catch (java.net.ConnectException | java.net.http.HttpTimeoutException e) {
                last = e.toString();
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("reporting did not answer " + pathAndQuery + " within " + PATIENCE.toSeconds()
                        + " s (last: " + last + ")");
            }
            Thread.sleep(500);
        }
    }

    private HttpResponse<String> get(String key, String pathAndQuery, Duration timeout) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url + pathAndQuery)).timeout(timeout)
                .header("Authorization", "Bearer " + key).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
