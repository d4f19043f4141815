import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Generates a realistic week of helpdesk traffic for the demo tenant and posts it to ingestion-service
 * as canonical CloudEvents: a few teams, dozens of agents, every channel, full ticket lifecycles with
 * transfers, internal notes, reopens, complaints, CSAT ratings (some changed later) and NPS surveys, and
 * the agents' shifts (status changes), handled chats and calls, QA reviews, sales and peer reviews. Like a real integration it
 * delivers some events out of order, some hours late and some twice.
 *
 * Run with the JDK alone (no build needed): java DemoTraffic.java [--url U] [--key K] [--days N]
 * [--tickets-per-day N] [--seed N]. deploy/local/demo.sh runs it with the local stack's settings.
 */
public class DemoTraffic {

    record Team(String id, String[] agents, String[] channels, int[] channelWeights) {
    }

    record Event(Instant time, String json) {
    }

    record Delivery(double arrival, String json) {
    }

    static final Team[] TEAMS = {
            new Team("billing", agents("billing", 9), new String[] {"email", "chat", "phone", "web"}, new int[] {45, 30, 15, 10}),
            new Team("tech-support", agents("tech", 12), new String[] {"email", "chat", "web", "phone", "messaging"},
                    new int[] {35, 30, 20, 10, 5}),
            new Team("onboarding", agents("onboard", 7), new String[] {"chat", "email", "phone"}, new int[] {50, 35, 15}),
            new Team("social-care", agents("social", 5), new String[] {"social", "messaging", "email"}, new int[] {55, 35, 10})};

    /** Hourly arrival weights (UTC): quiet nights, a morning and an afternoon peak. */
    static final int[] HOURLY = {1, 1, 1, 1, 1, 2, 4, 8, 12, 14, 14, 12, 10, 12, 13, 12, 10, 8, 6, 4, 3, 2, 2, 1};

    final Random random;
    final long seed;
    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    final List<Event> events = new ArrayList<>();
    long nextId = 1;

    DemoTraffic(long seed) {
        this.random = new Random(seed);
        this.seed = seed;
    }

    public static void main(String[] args) throws Exception {
        String url = "http://127.0.0.1:8081";
        String key = System.getenv().getOrDefault("DESKPULSE_DEMO_INGEST_KEY", "demo-ingest-key");
        int days = 7;
        int perDay = 280;
        // A new seed per run gives new tickets; the same --seed again resends the same events (all duplicates).
        long seed = Instant.now().getEpochSecond() % 1_000_000;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--url" -> url = args[i + 1];
                case "--key" -> key = args[i + 1];
                case "--days" -> days = Integer.parseInt(args[i + 1]);
                case "--tickets-per-day" -> perDay = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        DemoTraffic demo = new DemoTraffic(seed);
        int tickets = demo.generate(days, perDay);
        List<Delivery> deliveries = demo.deliveries();
        System.out.printf("Generated %d tickets, %d events (%d deliveries with resends) over %d days, seed %d%n",
                tickets, demo.events.size(), deliveries.size(), days, seed);
        demo.post(url, key, deliveries);
    }

    static String[] agents(String prefix, int n) {
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = prefix + "-" + String.format("%02d", i + 1);
        }
        return ids;
    }

    int generate(int days, int perDay) {
        LocalDate firstDay = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(days - 1);
        int tickets = 0;
        for (int d = 0; d < days; d++) {
            Instant dayStart = firstDay.plusDays(d).atStartOfDay(ZoneOffset.UTC).toInstant();
            shifts(dayStart, firstDay.plusDays(d).getDayOfWeek().getValue() >= 6);
            // fewer tickets at weekends
            int dow = firstDay.plusDays(d).getDayOfWeek().getValue();
            int count = (int) (perDay * (dow >= 6 ? 0.45 : 1.0) * (0.85 + 0.3 * random.nextDouble()));
            for (int t = 0; t < count; t++) {
                Instant createdAt = dayStart.plusSeconds(3600L * weighted(HOURLY) + random.nextInt(3600));
                if (createdAt.isAfter(now)) {
                    continue;
                }
                ticket("D" + seed + "-" + (10_000 + tickets++), createdAt);
            }
        }
        return tickets;
    }

    /** Each agent's day: online at the start of a shift, away for lunch, busy now and then, offline at the end. */
    void shifts(Instant dayStart, boolean weekend) {
        for (Team team : TEAMS) {
            for (String agent : team.agents()) {
                if (weekend && random.nextDouble() < 0.7) {
                    continue;
                }
                Instant start = dayStart.plusSeconds(3600L * (6 + random.nextInt(4)) + random.nextInt(1800));
                String who = "{\"agent_id\":\"" + agent + "\"";
                emit(start, "agent.status_changed", who + ",\"status\":\"online\",\"team_id\":\"" + team.id() + "\"}");
                Instant lunch = start.plusSeconds(4 * 3600 + random.nextInt(1800));
                emit(lunch, "agent.status_changed", who + ",\"status\":\"away\"}");
                emit(lunch.plusSeconds(1800 + random.nextInt(1800)), "agent.status_changed", who + ",\"status\":\"online\"}");
                emit(start.plusSeconds(8 * 3600 + random.nextInt(3600)), "agent.status_changed", who + ",\"status\":\"offline\"}");
                if (random.nextDouble() < 0.1) {
                    emit(start.plusSeconds(3 * 3600), "peer.review", who + ",\"reviewer_id\":\"" + pick(team.agents())
                            + "\",\"score\":" + (3 + random.nextInt(3)) + "}");
                }
            }
        }
    }

    void ticket(String ticket, Instant created) {
        Team team = TEAMS[weighted(new int[] {30, 35, 20, 15})];
        String channel = team.channels()[weighted(team.channelWeights())];
        String agent = pick(team.agents());
        boolean assignedAtCreation = random.nextDouble() < 0.7;
        String priority = new String[] {"low", "normal", "normal", "normal", "high", "urgent"}[random.nextInt(6)];
        String customer = "cust-" + (1000 + random.nextInt(900));
        emit(created, "ticket.created", "{\"ticket_id\":\"" + ticket + "\",\"channel\":\"" + channel + "\",\"priority\":\""
                + priority + "\",\"customer_id\":\"" + customer + "\",\"team_id\":\"" + team.id() + "\""
                + (assignedAtCreation ? ",\"agent_id\":\"" + agent + "\"" : "") + "}");
        Instant t = created;
        if (!channel.equals("phone")) {
            emit(t.plusSeconds(channel.equals("chat") || channel.equals("messaging") ? 3 : 0), "ticket.message",
                    message(ticket, "customer", null, true));
        }
        if (channel.equals("chat") && random.nextBoolean()) {
            emit(t.plusSeconds(2), "ticket.message", message(ticket, "bot", null, true));
        }
        if (!assignedAtCreation) {
            t = t.plusSeconds(30 + random.nextInt(600));
            emit(t, "ticket.assigned", "{\"ticket_id\":\"" + ticket + "\",\"agent_id\":\"" + agent + "\"}");
        }
        // a transfer to another team before anyone answers, now and then
        if (random.nextDouble() < 0.08) {
            Team other = TEAMS[random.nextInt(TEAMS.length)];
            team = other;
            agent = pick(other.agents());
            t = t.plusSeconds(60 + random.nextInt(900));
            emit(t, "ticket.assigned", "{\"ticket_id\":\"" + ticket + "\",\"team_id\":\"" + other.id()
                    + "\",\"agent_id\":\"" + agent + "\"}");
        }
        double speed = 0.6 + (Math.abs(agent.hashCode()) % 100) / 100.0;
        Instant firstReply = created.plusSeconds(Math.max(t.getEpochSecond() - created.getEpochSecond(), 0)
                + (long) (firstReplySeconds(channel) * speed));
        if (firstReply.isAfter(now)) {
            return;
        }
        emit(firstReply, "ticket.message", message(ticket, "agent", agent, true));
        if (channel.equals("chat") || channel.equals("phone") || channel.equals("messaging")) {
            double talk = 120 + 480 * random.nextDouble();
            emit(firstReply.plusSeconds((long) talk + 60), "interaction.completed", "{\"agent_id\":\"" + agent
                    + "\",\"channel\":\"" + channel + "\",\"ticket_id\":\"" + ticket + "\",\"talk_s\":" + Math.round(talk)
                    + ",\"hold_s\":" + (channel.equals("phone") ? random.nextInt(90) : 0) + ",\"wrap_s\":" + (20 + random.nextInt(60)) + "}");
        }
        if (random.nextDouble() < 0.04) {
            emit(firstReply.plusSeconds(86_400), "qa.review", "{\"agent_id\":\"" + agent + "\",\"ticket_id\":\"" + ticket
                    + "\",\"score\":" + (60 + random.nextInt(41)) + ",\"reviewer_id\":\"qa-lead\"}");
        }
        if (team.id().equals("billing") && random.nextDouble() < 0.06) {
            emit(firstReply.plusSeconds(600), "sale.converted", "{\"agent_id\":\"" + agent + "\",\"ticket_id\":\""
                    + ticket + "\",\"amount\":" + (20 + random.nextInt(480)) + ".00,\"currency\":\"EUR\"}");
        }
        Instant last = firstReply;
        int exchanges = random.nextInt(4);
        for (int i = 0; i < exchanges; i++) {
            last = last.plusSeconds(replyGap(channel));
            emit(last, "ticket.message", message(ticket, "customer", null, true));
            if (random.nextDouble() < 0.2) {
                emit(last.plusSeconds(30), "ticket.message", message(ticket, "agent", pick(team.agents()), false));
            }
            last = last.plusSeconds((long) (replyGap(channel) * speed));
            emit(last, "ticket.message", message(ticket, "agent", agent, true));
        }
        if (random.nextDouble() < 0.1) {
            emit(last.plusSeconds(60), "ticket.status_changed", status(ticket, "pending", agent));
        }
        if (random.nextDouble() < 0.06) {
            return; // still open at the end of the week
        }
        Instant solved = last.plusSeconds(60 + random.nextInt(channel.equals("email") ? 14_400 : 1_800));
        emit(solved, "ticket.status_changed", status(ticket, "solved", agent));
        if (random.nextDouble() < 0.07) {
            Instant reopened = solved.plusSeconds(3_600 + random.nextInt(86_400));
            emit(reopened, "ticket.message", message(ticket, "customer", null, true));
            emit(reopened.plusSeconds(1), "ticket.status_changed", status(ticket, "open", null));
            Instant answer = reopened.plusSeconds(replyGap(channel));
            emit(answer, "ticket.message", message(ticket, "agent", agent, true));
            solved = answer.plusSeconds(600 + random.nextInt(7_200));
            emit(solved, "ticket.status_changed", status(ticket, "solved", agent));
        }
        if (random.nextDouble() < 0.05) {
            emit(solved.plusSeconds(120), "ticket.tagged", "{\"ticket_id\":\"" + ticket + "\",\"tags\":[\"complaint\"]}");
        }
        if (random.nextDouble() < 0.35) {
            Instant rated = solved.plusSeconds(600 + random.nextInt(86_400));
            int score = csatScore(firstReply.getEpochSecond() - created.getEpochSecond(), channel);
            emit(rated, "survey.csat", "{\"ticket_id\":\"" + ticket + "\",\"score\":" + score + "}");
            if (random.nextDouble() < 0.05) {
                emit(rated.plusSeconds(86_400), "survey.csat", "{\"ticket_id\":\"" + ticket + "\",\"score\":"
                        + Math.min(5, score + 2) + "}");
            }
        }
        if (random.nextDouble() < 0.1) {
            emit(solved.plusSeconds(7_200 + random.nextInt(86_400)), "survey.nps", "{\"ticket_id\":\"" + ticket
                    + "\",\"customer_id\":\"" + customer + "\",\"score\":" + random.nextInt(11) + "}");
        }
        emit(solved.plusSeconds(3 * 86_400), "ticket.status_changed", status(ticket, "closed", null));
    }

    /** Log-normal first reply times around typical medians per channel, in seconds. */
    double firstReplySeconds(String channel) {
        double median = switch (channel) {
            case "chat" -> 40;
            case "phone" -> 15;
            case "messaging" -> 180;
            case "social" -> 2_700;
            case "web" -> 9_000;
            default -> 7_200;
        };
        return median * Math.exp(0.8 * random.nextGaussian());
    }

    long replyGap(String channel) {
        return channel.equals("email") || channel.equals("web") ? 1_800 + random.nextInt(14_400) : 20 + random.nextInt(240);
    }

    int csatScore(long firstReplySeconds, String channel) {
        boolean slow = firstReplySeconds > (channel.equals("chat") || channel.equals("phone") ? 120 : 14_400);
        int[] weights = slow ? new int[] {12, 15, 23, 28, 22} : new int[] {3, 4, 10, 30, 53};
        return 1 + weighted(weights);
    }

    String message(String ticket, String author, String agent, boolean isPublic) {
        return "{\"ticket_id\":\"" + ticket + "\",\"author\":\"" + author + "\""
                + (agent != null ? ",\"agent_id\":\"" + agent + "\"" : "") + ",\"public\":" + isPublic + "}";
    }

    String status(String ticket, String status, String agent) {
        return "{\"ticket_id\":\"" + ticket + "\",\"status\":\"" + status + "\""
                + (agent != null ? ",\"agent_id\":\"" + agent + "\"" : "") + "}";
    }

    void emit(Instant time, String type, String data) {
        if (time.isAfter(now)) {
            return;
        }
        String id = "demo-" + seed + "-" + nextId++;
        events.add(new Event(time, "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"demo/helpdesk\",\"type\":\""
                + type + "\",\"time\":\"" + time + "\",\"data\":" + data + "}"));
    }

    /**
     * The order in which a helpdesk integration would deliver them: mostly by time with some jitter,
     * 2 % held back for hours (a retry queue), and 2 % sent twice.
     */
    List<Delivery> deliveries() {
        List<Delivery> deliveries = new ArrayList<>();
        for (Event event : events) {
            double arrival = event.time().getEpochSecond() + random.nextInt(600);
            if (random.nextDouble() < 0.02) {
                arrival += 3_600 + random.nextInt(48 * 3_600);
            }
            deliveries.add(new Delivery(arrival, event.json()));
            if (random.nextDouble() < 0.02) {
                deliveries.add(new Delivery(arrival + random.nextInt(7_200), event.json()));
            }
        }
        deliveries.sort(Comparator.comparingDouble(Delivery::arrival));
        return deliveries;
    }

    void post(String url, String key, List<Delivery> deliveries) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        AtomicLong accepted = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> posts = new ArrayList<>();
        int batchSize = 500;
        for (int from = 0; from < deliveries.size(); from += batchSize) {
            List<Delivery> batch = deliveries.subList(from, Math.min(deliveries.size(), from + batchSize));
            StringBuilder body = new StringBuilder("[");
            for (int i = 0; i < batch.size(); i++) {
                body.append(i == 0 ? "" : ",").append(batch.get(i).json());
            }
            body.append(']');
            posts.add(pool.submit(() -> {
                HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/v1/events"))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/cloudevents-batch+json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 202) {
                    throw new IllegalStateException("ingestion answered " + response.statusCode() + ": " + response.body());
                }
                accepted.addAndGet(number(response.body(), "accepted"));
                duplicates.addAndGet(number(response.body(), "duplicates"));
                return null;
            }));
        }
        for (Future<?> post : posts) {
            post.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Posted %d events in %d batches in %.1f s: %d accepted, %d recognised as duplicates%n",
                deliveries.size(), posts.size(), seconds, accepted.get(), duplicates.get());
    }

    static long number(String json, String field) {
        int at = json.indexOf("\"" + field + "\"");
        if (at < 0) {
            return 0;
        }
        int start = json.indexOf(':', at) + 1;
        int end = start;
        while (end < json.length() && (Character.isDigit(json.charAt(end)) || json.charAt(end) == ' ')) {
            end++;
        }
        return Long.parseLong(json.substring(start, end).trim());
    }

    <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    int weighted(int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
