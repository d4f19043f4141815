package io.deskpulse.faults;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The contact-center events of issue 16, which the benchmark's generator does not send, added to its deliveries so that
 * the suite's oracles cover their KPIs too:
 *
 * <ul>
 *   <li>queue events for phone and chat tickets: answered (some within the service level, some exactly at it, some
 *       after), abandoned, short abandons (under 5 s, and exactly 5 s, which is not short), still waiting, an answer
 *       followed by a disconnect, a re-queue under a second offer, and abandoned calls that never became a ticket;</li>
 *   <li>customer effort answers, on the 1..7 and the 1..5 scale, some changed a day later;</li>
 *   <li>sentiment on customer messages (and on some agent messages, which must be ignored), and conversation scores of
 *       whole tickets, some changed later, which replace the message scores;</li>
 *   <li>churns and renewals of the tickets' customers, with and without revenue, some churns sent again under another
 *       id, and churns of customers who never opened a ticket.</li>
 * </ul>
 *
 * They are delivered as the generator delivers: by event time with up to 10 minutes of jitter, 2 % held back to the
 * end (late), 2 % sent twice (resent). Everything is decided by the seed and the generator's deliveries, so the same
 * seed gives the same bodies; a message's sentiment is decided by its event id, so a resent message carries the same.
 */
final class ContactCenterTraffic {

    static final String SOURCE = "faults/contact-center";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** −0.25 is the boundary of negative (kpis.md), −0.1 slightly negative but neutral. */
    private static final double[] SENTIMENTS = {-0.9, -0.6, -0.25, -0.1, 0.0, 0.35, 0.8};
    /** Waits around the thresholds: short abandon 5 s, service level 20 s (phone) and 30 s (chat). */
    private static final int[] WAITS = {0, 3, 4, 5, 8, 12, 19, 20, 21, 29, 30, 31, 45, 90};
    private static final int JITTER_SECONDS = 600;
    private static final double LATE_SHARE = 0.02;
    private static final double RESENT_SHARE = 0.02;

    /** A ticket of the generator's, as its first ticket.created says. */
    private record Ticket(String id, Instant created, String channel, String team, String agent, String customer) {
    }

    /** One delivery of an added event, at its arrival time. */
    private record Delivery(long arrival, String json) {
    }

    private final Random random;
    private final String idPrefix;
    private final Instant from;
    private final Instant until;
    private final List<Delivery> onTime = new ArrayList<>();
    private final List<Delivery> late = new ArrayList<>();
    private long nextId = 1;

    private ContactCenterTraffic(long seed, Instant from, Instant until) {
        this.random = new Random(seed * 7_919L + 16);
        this.idPrefix = "f" + seed + "-cc-";
        this.from = from;
        this.until = until;
    }

    /**
     * The generator's {@code deliveries} with sentiment on some of their messages, and the added events merged in; every
     * added event's time lies in [from, until).
     */
    static List<String> add(long seed, List<String> deliveries, Instant from, Instant until) {
        ContactCenterTraffic traffic = new ContactCenterTraffic(seed, from, until);
        List<String> base = new ArrayList<>(deliveries.size());
        List<Long> baseOrder = new ArrayList<>(deliveries.size());
        Map<String, Ticket> tickets = new LinkedHashMap<>();
        long latest = Long.MIN_VALUE;
        for (String json : deliveries) {
            ObjectNode event = (ObjectNode) read(json);
            String type = event.get("type").asText();
            ObjectNode data = (ObjectNode) event.get("data");
            if (type.equals("ticket.message")) {
                Double sentiment = messageSentiment(seed, event.get("id").asText(), data.path("author").asText());
                if (sentiment != null) {
                    data.put("sentiment", sentiment);
                    json = write(event);
                }
            }
            if (type.equals("ticket.created")) {
                tickets.putIfAbsent(data.get("ticket_id").asText(), new Ticket(data.get("ticket_id").asText(),
                        Instant.parse(event.get("time").asText()), data.get("channel").asText(),
                        data.path("team_id").asText(null), data.path("agent_id").asText(null),
                        data.path("customer_id").asText(null)));
            }
            // the generator delivers in time order, its late deliveries at the end: the running maximum keeps that order
            latest = Math.max(latest, Instant.parse(event.get("time").asText()).getEpochSecond());
            base.add(json);
            baseOrder.add(latest);
        }
        Set<String> customers = new LinkedHashSet<>();
        for (Ticket ticket : tickets.values()) {
            traffic.queue(ticket);
            traffic.effort(ticket);
            traffic.conversationSentiment(ticket);
            if (ticket.customer() != null) {
                customers.add(ticket.customer());
            }
        }
        traffic.churn(customers, tickets.values());
        return traffic.merge(base, baseOrder);
    }

    /**
     * The sentiment a message carries, or null: a customer's message has one two times in five, an agent's one time in
     * ten (ignored by the KPIs). Decided by the event id, so a resent delivery is the same.
     */
    static Double messageSentiment(long seed, String eventId, String author) {
        Random byId = new Random((eventId + "/" + seed).hashCode());
        double share = switch (author) {
            case "customer" -> 0.4;
            case "agent" -> 0.1;
            default -> 0;
        };
        return byId.nextDouble() < share ? SENTIMENTS[byId.nextInt(SENTIMENTS.length)] : null;
    }

    /** A phone or chat ticket was a queued interaction first; now and then a caller gave up before any ticket. */
    private void queue(Ticket ticket) {
        if (!ticket.channel().equals("phone") && !ticket.channel().equals("chat")) {
            return;
        }
        String interaction = "Q-" + ticket.id();
        int wait = WAITS[random.nextInt(WAITS.length)];
        Instant offered = ticket.created().minusSeconds(wait + 1L);
        offer(interaction, offered, ticket.channel(), ticket.team());
        double outcome = random.nextDouble();
        if (ticket.agent() != null && outcome < 0.85) {
            Instant answered = offered.plusSeconds(wait);
            emit(answered, "interaction.answered", "{\"interaction_id\":\"" + interaction + "\",\"agent_id\":\""
                    + ticket.agent() + "\",\"wait_s\":" + wait + "}");
            if (random.nextDouble() < 0.05) {
                // a disconnect after the answer: still answered
                emit(answered.plusSeconds(60), "interaction.abandoned", "{\"interaction_id\":\"" + interaction
                        + "\",\"wait_s\":" + (wait + 60) + "}");
            }
            if (random.nextDouble() < 0.05) {
                // transferred back into another queue: the earliest offer counts, once
                emit(answered.plusSeconds(120), "interaction.offered", "{\"interaction_id\":\"" + interaction
                        + "\",\"channel\":\"" + ticket.channel() + "\",\"queue_id\":\"escalations\"}");
            }
        } else if (outcome < 0.93) {
            emit(offered.plusSeconds(wait), "interaction.abandoned", "{\"interaction_id\":\"" + interaction
                    + "\",\"wait_s\":" + wait + "}");
        }
        // else still waiting: offered, no outcome
        if (random.nextDouble() < 0.15) {
            String gaveUp = interaction + "-x";
            int waited = WAITS[random.nextInt(WAITS.length)];
            Instant at = ticket.created().minusSeconds(300);
            offer(gaveUp, at, ticket.channel(), ticket.team());
            emit(at.plusSeconds(waited), "interaction.abandoned", "{\"interaction_id\":\"" + gaveUp + "\",\"wait_s\":"
                    + waited + "}");
        }
    }

    /** An offer names a queue and a team, one time in ten the team alone. */
    private void offer(String interaction, Instant at, String channel, String team) {
        String queue = random.nextDouble() < 0.1 || team == null ? "" : ",\"queue_id\":\"" + team + "-" + channel + "\"";
        String teamField = team == null ? "" : ",\"team_id\":\"" + team + "\"";
        emit(at, "interaction.offered", "{\"interaction_id\":\"" + interaction + "\",\"channel\":\"" + channel + "\""
                + queue + teamField + "}");
    }

    /** Three tickets in ten get an effort answer, half of them on the 1..5 scale; some answer again a day later. */
    private void effort(Ticket ticket) {
        if (random.nextDouble() >= 0.3) {
            return;
        }
        Instant at = ticket.created().plusSeconds(3_600 + random.nextInt(86_400));
        emit(at, "survey.ces", ces(ticket));
        if (random.nextDouble() < 0.15) {
            emit(at.plusSeconds(86_400), "survey.ces", ces(ticket));
        }
    }

    private String ces(Ticket ticket) {
        String agent = ticket.agent() != null && random.nextDouble() < 0.3 ? ",\"agent_id\":\"" + ticket.agent() + "\"" : "";
        if (random.nextBoolean()) {
            return "{\"ticket_id\":\"" + ticket.id() + "\",\"score\":" + (1 + random.nextInt(5)) + ",\"scale\":\"1-5\""
                    + agent + "}";
        }
        String scale = random.nextBoolean() ? ",\"scale\":\"1-7\"" : "";
        return "{\"ticket_id\":\"" + ticket.id() + "\",\"score\":" + (1 + random.nextInt(7)) + scale + agent + "}";
    }

    /** One ticket in eight gets a score of the whole conversation; some a second, later one. */
    private void conversationSentiment(Ticket ticket) {
        if (random.nextDouble() >= 0.125) {
            return;
        }
        Instant at = ticket.created().plusSeconds(1_800 + random.nextInt(43_200));
        emit(at, "ticket.sentiment", sentiment(ticket));
        if (random.nextDouble() < 0.2) {
            emit(at.plusSeconds(86_400), "ticket.sentiment", sentiment(ticket));
        }
    }

    private String sentiment(Ticket ticket) {
        String agent = ticket.agent() != null && random.nextDouble() < 0.3 ? ",\"agent_id\":\"" + ticket.agent() + "\"" : "";
        return "{\"ticket_id\":\"" + ticket.id() + "\",\"sentiment\":" + SENTIMENTS[random.nextInt(SENTIMENTS.length)]
                + agent + "}";
    }

    /**
     * Four customers in a hundred churn within two days of their first ticket, some sent twice under another id an hour
     * apart; five renew; three customers without tickets churn.
     */
    private void churn(Set<String> customers, Collection<Ticket> tickets) {
        Map<String, Instant> firstTicket = new LinkedHashMap<>();
        tickets.forEach(t -> {
            if (t.customer() != null) {
                firstTicket.putIfAbsent(t.customer(), t.created());
            }
        });
        for (String customer : customers) {
            double r = random.nextDouble();
            Instant at = firstTicket.get(customer).plusSeconds(random.nextInt(2 * 86_400));
            if (r < 0.04) {
                String data = lifecycle(customer);
                emit(at, "customer.churned", data);
                if (random.nextDouble() < 0.2) {
                    emit(at.plusSeconds(3_600), "customer.churned", data);
                }
            } else if (r < 0.09) {
                emit(at, "customer.renewed", lifecycle(customer));
            }
        }
        long span = until.getEpochSecond() - from.getEpochSecond();
        for (int i = 1; i <= 3; i++) {
            emit(from.plusSeconds((long) (random.nextDouble() * span)), "customer.churned",
                    lifecycle("lost-" + idPrefix + i));
        }
    }

    /** Seven in ten name a revenue in EUR (a few with cents), the rest none. */
    private String lifecycle(String customer) {
        if (random.nextDouble() < 0.3) {
            return "{\"customer_id\":\"" + customer + "\"}";
        }
        String revenue = random.nextDouble() < 0.2 ? (100 + random.nextInt(900)) + ".5" : String.valueOf(50 * (1 + random.nextInt(40)));
        return "{\"customer_id\":\"" + customer + "\",\"revenue\":" + revenue + ",\"currency\":\"EUR\"}";
    }

    /** Queues an added event for delivery; events outside [from, until) are not sent (the reports cover those days). */
    private void emit(Instant time, String type, String data) {
        if (time.isBefore(from) || !time.isBefore(until)) {
            return;
        }
        String json = "{\"specversion\":\"1.0\",\"id\":\"" + idPrefix + nextId++ + "\",\"source\":\"" + SOURCE
                + "\",\"type\":\"" + type + "\",\"time\":\"" + time + "\",\"data\":" + data + "}";
        long arrival = time.getEpochSecond() + random.nextInt(JITTER_SECONDS);
        (random.nextDouble() < LATE_SHARE ? late : onTime).add(new Delivery(arrival, json));
        if (random.nextDouble() < RESENT_SHARE) {
            onTime.add(new Delivery(arrival + random.nextInt(7_200), json));
        }
    }

    /** The generator's deliveries and the added ones by arrival, the late ones of both at the end. */
    private List<String> merge(List<String> base, List<Long> baseOrder) {
        onTime.sort(Comparator.comparingLong(Delivery::arrival));
        List<String> merged = new ArrayList<>(base.size() + onTime.size() + late.size());
        int next = 0;
        for (int i = 0; i < base.size(); i++) {
            while (next < onTime.size() && onTime.get(next).arrival() <= baseOrder.get(i)) {
                merged.add(onTime.get(next++).json());
            }
            merged.add(base.get(i));
        }
        while (next < onTime.size()) {
            merged.add(onTime.get(next++).json());
        }
        late.forEach(delivery -> merged.add(delivery.json()));
        return merged;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
