package io.deskpulse.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * (doubled). The totals ({@link #TOTALS}) are compared in thousandths.
 *
 * <p>Where the API serves an average or a rate rather than the count or sum behind it, the oracle takes the count or
 * sum back from the row: {@code ces_easy} = {@code ces_easy_rate × ces_count}, {@code sentiment_negative} =
 * {@code negative_share × sentiment_count}, {@code ces_sum} = {@code ces_avg × ces_count}, {@code sentiment_sum} =
 * {@code sentiment_avg × sentiment_count} (see {@link #actual}): those averages and rates are unrounded, so the count
 * or sum comes back exactly. {@code reply_avg_s} and {@code asa_s} are rounded to the millisecond, so they are
 * compared themselves: the day's average, in milliseconds (their "expected" over the run is the sum of the days'
 * averages). The tenant has no business hours, so {@code reply_bh_avg_s} must equal {@code reply_avg_s}.
 */
final class CountOracle {

    static final List<String> COUNTS = List.of("tickets_created", "tickets_resolved", "first_response_count",
            "first_resolutions", "agent_replies", "customer_messages", "csat_count", "complaints", "handle_count",
            "nps_count", "qa_count", "conversions", "peer_review_count", "reply_count", "offered", "answered",
            "abandoned", "short_abandoned", "service_level_met", "ces_count", "ces_easy", "sentiment_count",
            "sentiment_negative");
    static final List<String> TOTALS = List.of("handle_total_s", "sales_amount", "online_s", "cost_total", "reply_avg_s",
            "reply_bh_avg_s", "asa_s", "ces_sum", "sentiment_sum");

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
    private static final Set<String> QUEUE_TYPES = Set.of("interaction.offered", "interaction.answered",
            "interaction.abandoned");
    private static final Set<String> ONLINE = Set.of("online", "busy");
    /** kpis.md, Queues: the default thresholds (the run saves none of its own). */
    private static final int SHORT_ABANDON_S = 5;
    private static final Map<String, Integer> SERVICE_LEVEL_S = Map.of("phone", 20, "chat", 30);
    private static final int SERVICE_LEVEL_OTHER_S = 20;
    /** kpis.md, Sentiment: negative at or below −0.25 (in thousandths). */
    private static final long NEGATIVE_MILLI = -250;
    /** kpis.md, online_s: a status counts for at most 24 hours. */
    private static final long MAX_STATUS_MILLIS = 24 * 3_600_000L;
    private static final long HOUR_MILLIS = 3_600_000L;

    private CountOracle() {
    }

    /** As below, for a tenant without cost rates. */
    static Map<String, Map<LocalDate, Long>> expected(List<Traffic.Event> accepted) {
        return expected(accepted, CostSettings.NONE);
    }

    /** Metric → UTC day → expected value (thousandths for the totals), with the tenant's cost rates. */
    static Map<String, Map<LocalDate, Long>> expected(List<Traffic.Event> accepted, CostSettings costs) {
        Map<String, Map<LocalDate, Long>> expected = new LinkedHashMap<>();
        for (String metric : COUNTS) {
            expected.put(metric, new TreeMap<>());
        }
        for (String metric : TOTALS) {
            expected.put(metric, new TreeMap<>());
        }
        Map<String, List<Traffic.Event>> tickets = new TreeMap<>();
        Map<String, List<Traffic.Event>> interactions = new TreeMap<>();
        Map<String, List<Traffic.Event>> agents = new TreeMap<>();
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
                    add(expected, "cost_total", day, costs.contactCostMilli(event.text("agent_id"), event.text("channel")));
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
            if (event.type().equals("agent.status_changed")) {
                agents.computeIfAbsent(event.text("agent_id"), a -> new ArrayList<>()).add(event);
            }
            if (QUEUE_TYPES.contains(event.type())) {
                interactions.computeIfAbsent(event.text("interaction_id"), i -> new ArrayList<>()).add(event);
            } else if (event.ticket() != null && !event.type().equals("interaction.completed")
                    && !event.type().equals("qa.review") && !event.type().equals("sale.converted")) {
                tickets.computeIfAbsent(event.ticket(), t -> new ArrayList<>()).add(event);
            }
        }
        Map<LocalDate, Long> replies = new TreeMap<>();
        for (List<Traffic.Event> events : tickets.values()) {
            ticket(events, expected, replies);
        }
        // kpis.md, reply time: reply_avg_s = Σ reply time / reply_count, seconds rounded half up to the millisecond
        replies.forEach((day, replyMilli) -> {
            long average = averageMilli(replyMilli, expected.get("reply_count").get(day));
            add(expected, "reply_avg_s", day, average);
            add(expected, "reply_bh_avg_s", day, average);
        });
        Map<LocalDate, Long> waits = new TreeMap<>();
        for (List<Traffic.Event> events : interactions.values()) {
            interaction(events, expected, waits);
        }
        // kpis.md, Queues: asa_s = Σ wait / answered, in seconds rounded half up to the millisecond
        waits.forEach((day, waitMilli) -> add(expected, "asa_s", day, averageMilli(waitMilli,
                expected.get("answered").get(day))));
        agents.forEach((agent, statuses) -> online(agent, statuses, costs, expected));
        return expected;
    }

    /**
     * The per-ticket counts, from the ticket's events in scoring's order: by time, and events of the same time by kind
     * (kpis.md: creation, assignment, tagging, message, status change, rating). The traffic has no ties of one type.
     */
    private static void ticket(List<Traffic.Event> events, Map<String, Map<LocalDate, Long>> expected,
            Map<LocalDate, Long> replies) {
        events.sort(Comparator.comparing(Traffic.Event::time).thenComparingInt(e -> KIND_ORDER.indexOf(e.type())));
        boolean created = false;
        boolean responded = false;
        boolean complained = false;
        boolean resolved = false;
        String status = "new";
        Traffic.Event latestCsat = null;
        Traffic.Event latestCes = null;
        Traffic.Event latestSentiment = null;
        List<Traffic.Event> scoredMessages = new ArrayList<>();
        // reply time (kpis.md): the first public reply answers the creation, every later one the customer waiting
        Instant creation = events.stream().filter(e -> e.type().equals("ticket.created")).map(Traffic.Event::time)
                .min(Comparator.naturalOrder()).orElse(null);
        boolean hasCreation = creation != null;
        boolean anyReply = false;
        boolean waiting = false;
        Instant waitingSince = null;
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
                            // from the creation (the first reply), else from the earliest unanswered customer message;
                            // a reply stamped before that (clock skew) counts 0 s
                            Instant since = !anyReply && hasCreation ? creation : waitingSince;
                            add(expected, "reply_count", event.day(), 1);
                            replies.merge(event.day(), Math.max(0, event.time().toEpochMilli() - since.toEpochMilli()),
                                    Long::sum);
                        }
                        anyReply = true;
                        waiting = false;
                    } else if ("customer".equals(event.text("author")) && (anyReply || !hasCreation) && !waiting) {
                        waiting = true;
                        waitingSince = event.time();
                    }
                    if ("customer".equals(event.text("author")) && event.data().has("sentiment")) {
                        scoredMessages.add(event);
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
                case "survey.ces" -> latestCes = event;
                case "ticket.sentiment" -> latestSentiment = event;
                default -> {
                }
            }
        }
        if (latestCsat != null) {
            add(expected, "csat_count", latestCsat.day(), 1);
        }
        if (latestCes != null) {
            // kpis.md, Customer effort: one answer per ticket, the latest; 1..5 mapped onto 1..7 so that the ends meet
            long score = latestCes.data().path("score").asLong();
            long milli = "1-5".equals(latestCes.text("scale")) ? 1000 + (score - 1) * 1500 : score * 1000;
            add(expected, "ces_count", latestCes.day(), 1);
            add(expected, "ces_sum", latestCes.day(), milli);
            add(expected, "ces_easy", latestCes.day(), milli >= 5000 ? 1 : 0);
        }
        // kpis.md, Sentiment: the latest conversation score replaces every message score of the ticket
        for (Traffic.Event scored : latestSentiment != null ? List.of(latestSentiment) : scoredMessages) {
            long milli = thousandths(scored.data().path("sentiment"));
            add(expected, "sentiment_count", scored.day(), 1);
            add(expected, "sentiment_sum", scored.day(), milli);
            add(expected, "sentiment_negative", scored.day(), milli <= NEGATIVE_MILLI ? 1 : 0);
        }
    }

    /**
     * One interaction's queue numbers (kpis.md, Queues): nothing before its offer is known; then all of it on the day of
     * its earliest offer, its outcome the earliest answer, else the earliest abandonment.
     */
    private static void interaction(List<Traffic.Event> events, Map<String, Map<LocalDate, Long>> expected,
            Map<LocalDate, Long> waits) {
        Traffic.Event offer = earliest(events, "interaction.offered");
        if (offer == null) {
            return;
        }
        LocalDate day = offer.day();
        add(expected, "offered", day, 1);
        Traffic.Event answer = earliest(events, "interaction.answered");
        Traffic.Event abandonment = earliest(events, "interaction.abandoned");
        if (answer != null) {
            long waitMilli = thousandths(answer.data().path("wait_s"));
            add(expected, "answered", day, 1);
            waits.merge(day, waitMilli, Long::sum);
            int threshold = SERVICE_LEVEL_S.getOrDefault(offer.text("channel"), SERVICE_LEVEL_OTHER_S);
            add(expected, "service_level_met", day, waitMilli <= threshold * 1000L ? 1 : 0);
        } else if (abandonment != null) {
            boolean isShort = thousandths(abandonment.data().path("wait_s")) < SHORT_ABANDON_S * 1000L;
            add(expected, isShort ? "short_abandoned" : "abandoned", day, 1);
        }
    }

    /** {@code sumMilli / count}, rounded half up to the millisecond (kpis.md: durations to the millisecond). */
    private static long averageMilli(long sumMilli, long count) {
        return BigDecimal.valueOf(sumMilli).divide(BigDecimal.valueOf(count), 0, RoundingMode.HALF_UP).longValueExact();
    }

    private static Traffic.Event earliest(List<Traffic.Event> events, String type) {
        return events.stream().filter(e -> e.type().equals(type)).min(Comparator.comparing(Traffic.Event::time))
                .orElse(null);
    }

    /**
     * An agent's online time and its cost (kpis.md, online_s and Cost): online or busy from a status change until the
     * next (at most 24 hours), cut at every hour of the clock; each piece costs the agent's hourly rate for its team
     * then (the team of the latest status change naming one), rounded to the thousandth per piece. The traffic ends
     * every session, so none runs up to now.
     */
    private static void online(String agent, List<Traffic.Event> statuses, CostSettings costs,
            Map<String, Map<LocalDate, Long>> expected) {
        statuses.sort(Comparator.comparing(Traffic.Event::time));
        String team = null;
        for (int i = 0; i < statuses.size(); i++) {
            Traffic.Event change = statuses.get(i);
            if (change.text("team_id") != null) {
                team = change.text("team_id");
            }
            if (!ONLINE.contains(change.text("status")) || i + 1 == statuses.size()) {
                continue;
            }
            long start = change.time().toEpochMilli();
            long end = Math.min(statuses.get(i + 1).time().toEpochMilli(), start + MAX_STATUS_MILLIS);
            while (start < end) {
                long pieceEnd = Math.min(end, (start / HOUR_MILLIS + 1) * HOUR_MILLIS);
                LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(start), ZoneOffset.UTC);
                add(expected, "online_s", day, pieceEnd - start);
                add(expected, "cost_total", day, costs.onlineCostMilli(agent, team, pieceEnd - start));
                start = pieceEnd;
            }
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
            boolean total = isTotal(metric.getKey());
            Set<LocalDate> days = new TreeSet<>(metric.getValue().keySet());
            days.addAll(rows.keySet());
            long sumExpected = 0;
            long sumActual = 0;
            long short_ = 0;
            long over = 0;
            for (LocalDate day : days) {
                long e = metric.getValue().getOrDefault(day, 0L);
                ObjectNode row = rows.get(day);
                long a = row == null ? 0 : actual(row, metric.getKey());
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

    /** A total, compared in thousandths, rather than a count. */
    static boolean isTotal(String metric) {
        return TOTALS.contains(metric) || ChurnOracle.TOTALS.contains(metric);
    }

    /**
     * The metric's value in a row: its column, in thousandths for a total; or, for the counts and sums the API serves
     * only as an average or a rate, that average or rate times its count, rounded back to the whole count or the
     * thousandth (a null average or rate is of an empty group: 0).
     */
    static long actual(ObjectNode row, String metric) {
        return switch (metric) {
            case "ces_easy" -> Math.round(row.path("ces_easy_rate").asDouble() * row.path("ces_count").asLong());
            case "sentiment_negative" -> Math.round(row.path("negative_share").asDouble()
                    * row.path("sentiment_count").asLong());
            case "ces_sum" -> Math.round(row.path("ces_avg").asDouble() * row.path("ces_count").asLong() * 1000);
            case "sentiment_sum" -> Math.round(row.path("sentiment_avg").asDouble()
                    * row.path("sentiment_count").asLong() * 1000);
            default -> isTotal(metric) ? thousandths(row.path(metric)) : row.path(metric).asLong();
        };
    }

    private static Set<String> tags(JsonNode data) {
        Set<String> tags = new HashSet<>();
        data.path("tags").forEach(tag -> tags.add(tag.asText().toLowerCase(Locale.ROOT)));
        return tags;
    }

    static long thousandths(JsonNode number) {
        return number.isMissingNode() || number.isNull() ? 0
                : new BigDecimal(number.asText()).movePointRight(3).longValueExact();
    }

    static void add(Map<String, Map<LocalDate, Long>> expected, String metric, LocalDate day, long value) {
        expected.get(metric).merge(day, value, Long::sum);
    }
}
