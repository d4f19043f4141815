package io.deskpulse.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskpulse.benchmark.TrafficGenerator;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The events every phase posts: the benchmark's {@link TrafficGenerator} (full ticket lifecycles, agent shifts,
 * surveys; late, out-of-order and resent deliveries) over whole past UTC days, with the contact-center events of
 * {@link ContactCenterTraffic} (queues, effort, sentiment, churn) added, cut into request bodies. The same
 * bodies go to every tenant (the key decides the tenant), so every tenant must end up with the same numbers.
 *
 * <p>Every session of an agent ends the day it starts, so no number grows with the clock (open sessions count up to
 * now). Events whose time ties with another event of the same type in the same timeline are left out: scoring orders
 * such ties by a hash of the event's identity, which includes the tenant, so two tenants could legitimately order
 * them differently.
 */
final class Traffic {

    /** One distinct event; {@code index} is its place in {@link #events}. */
    record Event(int index, String source, String id, String type, Instant time, String ticket, JsonNode data) {

        /** scoring's key of the event in its dedup table seen_events (CloudEventDecoder.eventKey). */
        java.util.UUID key(String tenant) {
            return java.util.UUID.nameUUIDFromBytes((tenant + '\u001f' + source + '\u001f' + id)
                    .getBytes(StandardCharsets.UTF_8));
        }

        LocalDate day() {
            return LocalDate.ofInstant(time, ZoneOffset.UTC);
        }

        String text(String field) {
            JsonNode value = data.get(field);
            return value == null || value.isNull() ? null : value.asText();
        }

        /** 1 for an event that adds exactly one to one of {@link #ADDITIVE_METRICS} whatever else arrived. */
        int additiveWeight() {
            return switch (type) {
                case "ticket.created", "interaction.completed", "qa.review", "sale.converted", "peer.review",
                        "survey.nps" -> 1;
                case "ticket.message" -> "customer".equals(text("author"))
                        || ("agent".equals(text("author")) && data.path("public").asBoolean(true)) ? 1 : 0;
                default -> 0;
            };
        }
    }

    /** A request body: its events' indexes in delivery order (a resent event appears twice). */
    record Batch(int number, byte[] body, int[] events) {
    }

    /**
     * Counts each of which every event of one kind raises by exactly one (the generator sends one ticket.created per
     * ticket): their sum in the reports against the accepted events' weights measures freshness.
     */
    static final List<String> ADDITIVE_METRICS = List.of("tickets_created", "customer_messages", "agent_replies",
            "handle_count", "qa_count", "conversions", "peer_review_count", "nps_count");

    /** The generator's share of a phase's events; {@link ContactCenterTraffic} adds the rest. */
    static final double CONTACT_CENTER_SCALE = 0.84;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> AGENT_TYPES = Set.of("agent.status_changed", "interaction.completed", "qa.review",
            "sale.converted", "peer.review");

    final List<Event> events;
    final List<Batch> batches;
    final long deliveries;
    final long tiesLeftOut;
    /** Event times lie in [from, until]; reports are asked for the days firstDay..lastDay. */
    final Instant from;
    final Instant until;

    private Traffic(List<Event> events, List<Batch> batches, long deliveries, long tiesLeftOut, Instant from,
            Instant until) {
        this.events = events;
        this.batches = batches;
        this.deliveries = deliveries;
        this.tiesLeftOut = tiesLeftOut;
        this.from = from;
        this.until = until;
    }

    LocalDate firstDay() {
        return LocalDate.ofInstant(from, ZoneOffset.UTC);
    }

    LocalDate lastDay() {
        return LocalDate.ofInstant(until, ZoneOffset.UTC);
    }

    /** About {@code targetEvents} events over the {@code days} whole UTC days before today. */
    static Traffic generate(long seed, int days, long targetEvents, int batchSize) {
        Instant until = Instant.now().truncatedTo(ChronoUnit.DAYS);
        Instant from = until.minus(days, ChronoUnit.DAYS);
        List<String> deliveries = new ArrayList<>();
        // the contact-center events add about a fifth to the generator's: together they stay about targetEvents, so a
        // phase's load lasts as long as it did without them
        new TrafficGenerator(seed, "f" + seed, false, 0, until).generate("faults", from, until,
                Math.round(targetEvents * CONTACT_CENTER_SCALE), (tenant, json) -> deliveries.add(json));
        List<String> withContactCenter = ContactCenterTraffic.add(seed, deliveries, from, until);
        deliveries.clear();
        deliveries.addAll(withContactCenter);

        Map<String, Integer> byId = new HashMap<>();
        Set<String> slots = new HashSet<>();
        Set<String> tied = new HashSet<>();
        List<Event> events = new ArrayList<>();
        for (String json : deliveries) {
            JsonNode node = read(json);
            String id = node.get("id").asText();
            if (byId.containsKey(id) || tied.contains(id)) {
                continue;
            }
            Event event = new Event(events.size(), node.get("source").asText(), id, node.get("type").asText(),
                    Instant.parse(node.get("time").asText()),
                    node.path("data").path("ticket_id").asText(null), node.get("data"));
            if (!slots.add(timeline(event) + "|" + event.type() + "|" + event.time())) {
                tied.add(id);
                continue;
            }
            byId.put(id, events.size());
            events.add(event);
        }

        List<Batch> batches = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        List<Integer> members = new ArrayList<>();
        long kept = 0;
        for (String json : deliveries) {
            Integer index = byId.get(read(json).get("id").asText());
            if (index == null) {
                continue;
            }
            kept++;
            body.append(members.isEmpty() ? '[' : ',').append(json);
            members.add(index);
            if (members.size() == batchSize) {
                batches.add(batch(batches.size(), body, members));
            }
        }
        if (!members.isEmpty()) {
            batches.add(batch(batches.size(), body, members));
        }
        return new Traffic(List.copyOf(events), List.copyOf(batches), kept, tied.size(), from, until);
    }

    /** The timeline scoring keeps an event in (docs/architecture.md, "The record on Kafka"). */
    static String timeline(Event event) {
        if (AGENT_TYPES.contains(event.type())) {
            return "agent:" + event.text("agent_id");
        }
        if (event.type().startsWith("interaction.")) {
            return "interaction:" + event.text("interaction_id");
        }
        if (event.ticket() != null) {
            return "ticket:" + event.ticket();
        }
        return event.text("agent_id") != null ? "agent:" + event.text("agent_id") : "customer:" + event.text("customer_id");
    }

    private static Batch batch(int number, StringBuilder body, List<Integer> members) {
        body.append(']');
        Batch batch = new Batch(number, body.toString().getBytes(StandardCharsets.UTF_8),
                members.stream().mapToInt(Integer::intValue).toArray());
        body.setLength(0);
        members.clear();
        return batch;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
