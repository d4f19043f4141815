package io.deskpulse.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** GET /v1/kpis of reporting-service, every page, on one keep-alive connection. */
final class KpiClient implements AutoCloseable {

    /** A whole answer: its rows from every page, the zone it was computed in, and the page count. */
    record Answer(List<JsonNode> rows, String tz, int pages) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpConnection http;
    private final String key;

    KpiClient(String reportingUrl, String key) {
        this.http = new HttpConnection(reportingUrl, 120_000);
        this.key = key;
    }

    /** {@code query} without the leading {@code ?}; follows next_cursor to the last page. */
    Answer get(String query) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        String cursor = null;
        String tz = null;
        int pages = 0;
        do {
            String path = "/v1/kpis?" + query + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpConnection.Response response = http.get(path, key);
            if (response.status() != 200) {
                throw new IllegalStateException("reporting answered " + response.status() + " to " + path + ": "
                        + IngestDriver.abbreviate(response.text()));
            }
            JsonNode body = JSON.readTree(response.body());
            body.path("rows").forEach(rows::add);
            tz = body.path("tz").asText(null);
            JsonNode next = body.path("next_cursor");
            cursor = next.isNull() || next.isMissingNode() ? null : next.asText();
            pages++;
        } while (cursor != null);
        return new Answer(rows, tz, pages);
    }

    /**
     * The whole answer as a BI tool receives it, every page's bytes, following the {@code Link: rel="next"} header:
     * what the latency figures time. The body is not parsed (that is the client's cost, not the service's);
     * {@link #get} parses it, untimed, for the comparison with the SQL baseline. Returns the bytes received.
     */
    long fetch(String query) throws IOException {
        long bytes = 0;
        String path = "/v1/kpis?" + query;
        while (path != null) {
            HttpConnection.Response response = http.get(path, key);
            if (response.status() != 200) {
                throw new IllegalStateException("reporting answered " + response.status() + " to " + path + ": "
                        + IngestDriver.abbreviate(response.text()));
            }
            bytes += response.body().length;
            path = nextPath(response.headers().get("link"));
        }
        return bytes;
    }

    /** The path and query of a {@code Link: <http://host:port/v1/kpis?...>; rel="next"} header, or null. */
    static String nextPath(String link) {
        if (link == null || !link.contains("rel=\"next\"")) {
            return null;
        }
        String url = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        int slash = url.indexOf('/', url.indexOf("//") + 2);
        return url.substring(slash);
    }

    @Override
    public void close() {
        http.close();
    }
}
