package io.deskpulse.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The independent oracle: what the count-like KPIs must be, computed straight from the distinct events the client
 * got a 202 for (docs/kpis.md's definitions, UTC days), against what {@code GET /v1/kpis} serves per day. A count
 * short of the expected one is an accepted event that was not applied (lost); one above it, an event applied twice
 * (doubled). The totals {@code handle_total_s} and {@code sales_amount} are compared in thousandths.
 */
final class CountOracle {

    static final List<String> COUNTS = List.of("tickets_created", "tickets_resolved", "first_response_count",
            "first_resolutions", "agent_replies", "customer_messages", "csat_count", "complaints", "handle_count",
            "nps_count", "qa_count", "conversions", "peer_review_count", "reply_count");
    static final List<String> TOTALS = List.of("handle_total_s", "sales_amount");

    /** One metric over all days: the sums, and the per-day shortfalls and excesses added up. */
    record MetricCheck(String metric, long expected, long actual, long lost, long doubled) {
    }

    /** {@code lost} and {@code doubled} add up the counts; {@code totalsOff} the thousandths the totals are off by. */
    record Check(List<MetricCheck> metrics, long lost, long doubled, long totalsOff) {

        boolean exact() {
            return lost == 0 && doubled == 0 && totalsOff == 0;
        }
    }

    private static final Set<String> SOLVED = Set.of("solved", "closed");
    private static final List<String> KIND_ORDER = List.of("ticket.created", "ticket.assigned", "ticket.tagged",
            "ticket.message", "ticket.status_changed", "survey.csat", "survey.nps");

    private CountOracle() {
    }

    /** Metric → UTC day → expected value (thousandths for the totals). */
    static Map<String, Map<LocalDate, Long>> expected(List<Traffic.Event> accepted) {
        Map<String, Map<LocalDate, Long>> expected = new LinkedHashMap<>();
        for (String metric : COUNTS) {
            expected.put(metric, new TreeMap<>());
        }
        for (String metric : TOTALS) {
            expected.put(metric, new TreeMap<>());
        }
        Map<String, List<Traffic.Event>> tickets = new TreeMap<>();
        for (Traffic.Event event : accepted) {
            LocalDate day = event.day();
            switch (event.type()) {
                case "ticket.message" -> {
                    if ("customer".equals(event.text("author"))) {
                        add(expected, "customer_messages", day, 1);
                    } else if ("agent".equals(event.text("author")) && event.data().path("public").asBoolean(true)) {
                        add(expected, "agent_replies", day, 1);
                    }
                }
                case "interaction.completed" -> {
                    add(expected, "handle_count", day, 1);
                    long seconds = event.data().path("talk_s").asLong() + event.data().path("hold_s").asLong()
                            + event.data().path("wrap_s").asLong();
                    add(expected, "handle_total_s", day, seconds * 1000);
                }
                case "survey.nps" -> add(expected, "nps_count", day, 1);
                case "qa.review" -> add(expected, "qa_count", day, 1);
                case "sale.converted" -> {
                    add(expected, "conversions", day, 1);
                    add(expected, "sales_amount", day, thousandths(event.data().path("amount")));
                }
                case "peer.review" -> add(expected, "peer_review_count", day, 1);
                default -> {
                }
            }
            if (event.ticket() != null && !event.type().equals("interaction.completed")
                    && !event.type().equals("qa.review") && !event.type().equals("sale.converted")) {
                tickets.computeIfAbsent(event.ticket(), t -> new ArrayList<>()).add(event);
            }
        }
        for (List<Traffic.Event> events : tickets.values()) {
            ticket(events, expected);
        }
        return expected;
    }

    /**
     * The per-ticket counts, from the ticket's events in scoring's order: by time, and events of the same time by kind
     * (kpis.md: creation, assignment, tagging, message, status change, rating). The traffic has no ties of one type.
     */
    private static void ticket(List<Traffic.Event> events, Map<String, Map<LocalDate, Long>> expected) {
        events.sort(Comparator.comparing(Traffic.Event::time).thenComparingInt(e -> KIND_ORDER.indexOf(e.type())));
        boolean created = false;
        boolean responded = false;
        boolean complained = false;
        boolean resolved = false;
        String status = "new";
        Traffic.Event latestCsat = null;
        // reply time (kpis.md): the first public reply answers the creation, every later one the customer waiting
        boolean hasCreation = events.stream().anyMatch(e -> e.type().equals("ticket.created"));
        boolean anyReply = false;
        boolean waiting = false;
        for (Traffic.Event event : events) {
            switch (event.type()) {
                case "ticket.created" -> {
                    if (!created) {
                        add(expected, "tickets_created", event.day(), 1);
                    }
                    created = true;
                }
                case "ticket.message" -> {
                    boolean publicReply = "agent".equals(event.text("author")) && event.data().path("public").asBoolean(true);
                    if (!responded && publicReply) {
                        responded = true;
                        if (created) {
                            add(expected, "first_response_count", event.day(), 1);
                        }
                    }
                    if (publicReply) {
                        if ((!anyReply && hasCreation) || waiting) {
                            add(expected, "reply_count", event.day(), 1);
                        }
                        anyReply = true;
                        waiting = false;
                    } else if ("customer".equals(event.text("author")) && (anyReply || !hasCreation)) {
                        waiting = true;
                    }
                }
                case "ticket.status_changed" -> {
                    String next = event.text("status");
                    if (SOLVED.contains(next) && !SOLVED.contains(status)) {
                        add(expected, "tickets_resolved", event.day(), 1);
                        if (!resolved) {
                            add(expected, "first_resolutions", event.day(), 1);
                        }
                        resolved = true;
                    }
                    status = next;
                }
                case "ticket.tagged" -> {
                    if (!complained && tags(event.data()).contains("complaint")) {
                        complained = true;
                        add(expected, "complaints", event.day(), 1);
                    }
                }
                case "survey.csat" -> latestCsat = event;
                default -> {
                }
            }
        }
        if (latestCsat != null) {
            add(expected, "csat_count", latestCsat.day(), 1);
        }
    }

    /** The expected values against the tenant's daily rows of {@code GET /v1/kpis}. */
    static Check compare(Map<String, Map<LocalDate, Long>> expected, List<ObjectNode> tenantDays) {
        Map<LocalDate, ObjectNode> rows = new TreeMap<>();
        tenantDays.forEach(row -> rows.put(LocalDate.parse(row.get("period").asText()), row));
        List<MetricCheck> checks = new ArrayList<>();
        long lost = 0;
        long doubled = 0;
        long totalsOff = 0;
        for (Map.Entry<String, Map<LocalDate, Long>> metric : expected.entrySet()) {
            boolean total = TOTALS.contains(metric.getKey());
            Set<LocalDate> days = new TreeSet<>(metric.getValue().keySet());
            days.addAll(rows.keySet());
            long sumExpected = 0;
            long sumActual = 0;
            long short_ = 0;
            long over = 0;
            for (LocalDate day : days) {
                long e = metric.getValue().getOrDefault(day, 0L);
                ObjectNode row = rows.get(day);
                long a = row == null ? 0 : total ? thousandths(row.path(metric.getKey())) : row.path(metric.getKey()).asLong();
                sumExpected += e;
                sumActual += a;
                short_ += Math.max(0, e - a);
                over += Math.max(0, a - e);
            }
            checks.add(new MetricCheck(metric.getKey(), sumExpected, sumActual, short_, over));
            if (total) {
                totalsOff += short_ + over;
            } else {
                lost += short_;
                doubled += over;
            }
        }
        return new Check(checks, lost, doubled, totalsOff);
    }

    private static Set<String> tags(JsonNode data) {
        Set<String> tags = new HashSet<>();
        data.path("tags").forEach(tag -> tags.add(tag.asText().toLowerCase(Locale.ROOT)));
        return tags;
    }

    private static long thousandths(JsonNode number) {
        return number.isMissingNode() || number.isNull() ? 0
                : new BigDecimal(number.asText()).movePointRight(3).longValueExact();
    }

    private static void add(Map<String, Map<LocalDate, Long>> expected, String metric, LocalDate day, long value) {
        expected.get(metric).merge(day, value, Long::sum);
    }
}
