package io.deskpulse.fuzz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The answers of a run: counts by endpoint and status, the events ingestion accepted, and every finding. */
final class Tally {

    /** Statuses answered by the HTTP layer before any application code: documented, not problem+json. */
    static final List<Integer> HTTP_LAYER = List.of(414, 431);

    /**
     * Where a 4xx that is not problem+json came from: the HTTP codec (a request line or header no parser may accept:
     * a bare 400, 414, 431) or the router (a path outside the API: Quarkus' 404/405 page). Null for the application.
     */
    static String layer(RawHttp.Answer answer) {
        if (HTTP_LAYER.contains(answer.status())
                || answer.status() == 400 && answer.contentType().isEmpty() && answer.body().length == 0) {
            return "http-codec";
        }
        if ((answer.status() == 404 || answer.status() == 405) && answer.contentType().startsWith("text/html")) {
            return "router";
        }
        return null;
    }

    private static final Pattern ACCEPTED = Pattern.compile("\"accepted\"\\s*:\\s*(\\d+)");

    final Map<String, Map<Integer, Long>> byEndpoint = new TreeMap<>();
    final Map<String, Map<Integer, Long>> byGenerator = new TreeMap<>();
    final Map<String, Long> successfulWrites = new TreeMap<>();
    final List<String> findings = Collections.synchronizedList(new ArrayList<>());
    final AtomicLong acceptedEvents = new AtomicLong();
    final AtomicLong requests = new AtomicLong();
    final AtomicLong noAnswer = new AtomicLong();
    final Map<String, Long> beforeTheApplication = new TreeMap<>();

    synchronized void record(int index, Request request, RawHttp.Answer answer) {
        requests.incrementAndGet();
        String endpoint = request.service() + " " + request.endpoint();
        byEndpoint.computeIfAbsent(endpoint, k -> new TreeMap<>()).merge(answer.status(), 1L, Long::sum);
        byGenerator.computeIfAbsent(request.generator(), k -> new TreeMap<>()).merge(answer.status(), 1L, Long::sum);
        int status = answer.status();
        if (status >= 200 && status < 300 && request.writes()) {
            successfulWrites.merge(request.endpoint(), 1L, Long::sum);
        }
        if (status == 202 && request.service().equals("ingestion")) {
            Matcher matcher = ACCEPTED.matcher(answer.text());
            if (matcher.find()) {
                acceptedEvents.addAndGet(Long.parseLong(matcher.group(1)));
            } else {
                finding(index, request, answer, "202 without an accepted count");
            }
        }
        if (status >= 500) {
            finding(index, request, answer, "server error");
        } else if (status < 0) {
            noAnswer.incrementAndGet();
            if (!request.generator().equals("slow-body") && !request.generator().endsWith("header-flood")) {
                finding(index, request, answer, "no answer");
            }
        } else if (status >= 400 && !answer.contentType().startsWith("application/problem+json")) {
            String layer = layer(answer);
            if (layer == null) {
                finding(index, request, answer, "a " + status + " that is not application/problem+json");
            } else {
                beforeTheApplication.merge(layer + " " + status, 1L, Long::sum);
            }
        }
    }

    private void finding(int index, Request request, RawHttp.Answer answer, String what) {
        if (findings.size() < 200) {
            findings.add("#" + index + " " + what + ": " + answer.status() + " " + answer.contentType() + " "
                    + Request.printable(answer.body(), 400) + "\n    request: " + request.describe());
        } else if (findings.size() == 200) {
            findings.add("... more findings left out");
        }
    }

    long count(int status) {
        return byEndpoint.values().stream().mapToLong(m -> m.getOrDefault(status, 0L)).sum();
    }

    long serverErrors() {
        return byEndpoint.values().stream().flatMap(m -> m.entrySet().stream()).filter(e -> e.getKey() >= 500)
                .mapToLong(Map.Entry::getValue).sum();
    }
}
