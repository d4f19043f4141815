package io.deskpulse.benchmark;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Realistic helpdesk traffic, streamed and deterministic: the same seed, segment name and clock give the same
 * events, byte for byte.
 *
 * <p>Two tenants (most tickets on the main one), teams of agents on every channel, full ticket lifecycles
 * (creation, assignment, transfers, customer and agent messages, bot greetings, internal notes, pending,
 * solves, reopens, complaint tags, CSAT ratings, some changed later, NPS surveys, closing), and the agents'
 * shifts (status changes), handled interactions, QA reviews, sales and peer reviews. Delivered like a real
 * integration delivers them: roughly in time order with up to 10 minutes of jitter (so events of a ticket often
 * arrive out of order), 2 % held back and sent at the end of the segment (late), 2 % sent twice (resent).
 *
 * <p>Event ids, ticket ids and probe teams carry the run id, so every run writes new events unless it reuses
 * a seed on purpose.
 *
 * <p>Two helpdesks: {@link Helpdesk#BENCHMARK}'s main tenant (five teams) for the benchmark and the test traffic,
 * sized by events; {@link Helpdesk#DEMO} (four teams, 33 agents, every agent on shift) for the local demo
 * ({@link DemoTraffic}), sized by tickets per day.
 */
public final class TrafficGenerator {

    /** Receives deliveries in delivery order. {@code tenant} is 0 for the main tenant, 1 for the second. */
    public interface Sink {
        void accept(int tenant, String json);
    }

    /** What a segment produced. */
    public record Counts(long events, long deliveries, long late, long resent, long tickets, long[] perTenant) {
    }

    record Team(String id, String[] agents, String[] channels, int[] channelWeights) {
    }

    /** The main tenant's helpdesk: its teams, how tickets spread over them, and the events' source. */
    public record Helpdesk(String name, Team[] teams, int[] teamWeights, String source) {

        /** The benchmark's main tenant (and the tests' traffic). */
        public static final Helpdesk BENCHMARK = new Helpdesk("benchmark", TEAMS_A, TEAM_WEIGHTS_A, "bench/helpdesk");

        /** The local demo tenant of deploy/local/demo.sh: four teams, 33 agents, every channel but other. */
        public static final Helpdesk DEMO = new Helpdesk("demo", new Team[] {
            new Team("billing", agents("billing", 9), new String[] {"email", "chat", "phone", "web"},
                    new int[] {45, 30, 15, 10}),
            new Team("tech-support", agents("tech", 12), new String[] {"email", "chat", "web", "phone", "messaging"},
                    new int[] {35, 30, 20, 10, 5}),
            new Team("onboarding", agents("onboard", 7), new String[] {"chat", "email", "phone"}, new int[] {50, 35, 15}),
            new Team("social-care", agents("social", 5), new String[] {"social", "messaging", "email"},
                    new int[] {55, 35, 10})}, new int[] {30, 35, 20, 15}, "demo/helpdesk");
    }

    static final String[] CHANNELS = {"email", "chat", "phone", "web", "social", "messaging", "other"};

    static final Team[] TEAMS_A = {
            new Team("billing", agents("billing", 9), new String[] {"email", "chat", "phone", "web"}, new int[] {45, 30, 15, 10}),
            new Team("tech-support", agents("tech", 12), new String[] {"email", "chat", "web", "phone", "messaging"},
                    new int[] {35, 30, 20, 10, 5}),
            new Team("onboarding", agents("onboard", 7), new String[] {"chat", "email", "phone"}, new int[] {50, 35, 15}),
            new Team("social-care", agents("social", 5), new String[] {"social", "messaging", "email"}, new int[] {55, 35, 10}),
            new Team("sales", agents("sales", 6), new String[] {"phone", "email", "chat", "other"}, new int[] {40, 30, 20, 10})};
    static final int[] TEAM_WEIGHTS_A = {28, 32, 18, 12, 10};

    static final Team[] TEAMS_B = {
            new Team("support", agents("b-support", 6), new String[] {"email", "chat", "web", "other"}, new int[] {50, 30, 15, 5}),
            new Team("vip", agents("b-vip", 4), new String[] {"phone", "email", "messaging"}, new int[] {50, 40, 10})};
    static final int[] TEAM_WEIGHTS_B = {75, 25};

    /** Hourly arrival weights (UTC): quiet nights, a morning and an afternoon peak. */
    static final int[] HOURLY = {1, 1, 1, 1, 1, 2, 4, 8, 12, 14, 14, 12, 10, 12, 13, 12, 10, 8, 6, 4, 3, 2, 2, 1};

    static final double LATE_SHARE = 0.02;
    static final double RESENT_SHARE = 0.02;
    static final int JITTER_SECONDS = 600;
    /** Share of a day's events that are agent shifts (status changes), at most. */
    static final double SHIFT_SHARE = 0.05;

    private final long seed;
    private final String runId;
    private final boolean twoTenants;
    private final double shareB;
    private final Instant now;
    private final Helpdesk helpdesk;

    /**
     * @param runId  goes into every id; derive it from the seed for reproducible runs
     * @param shareB share of tickets on the second tenant (0 without one)
     * @param now    no event is later than this
     */
    public TrafficGenerator(long seed, String runId, boolean twoTenants, double shareB, Instant now) {
        this(seed, runId, twoTenants, shareB, now, Helpdesk.BENCHMARK);
    }

    /** As above, with {@code helpdesk} as the main tenant. */
    public TrafficGenerator(long seed, String runId, boolean twoTenants, double shareB, Instant now, Helpdesk helpdesk) {
        this.helpdesk = helpdesk;
        this.seed = seed;
        this.runId = runId;
        this.twoTenants = twoTenants;
        this.shareB = twoTenants ? shareB : 0;
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
    }

    public Instant now() {
        return now;
    }

    public String runId() {
        return runId;
    }

    /** The probe teams' id for probe number {@code n}. */
    public String probeTeam(int n) {
        return "probe-" + runId + "-" + n;
    }

    /** A ticket.created for probe {@code n}: its own team, so that its count shows alone. */
    public String probeEvent(int n, Instant time) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + runId + "-probe-" + n + "\",\"source\":\"bench/probe\","
                + "\"type\":\"ticket.created\",\"time\":\"" + time.truncatedTo(ChronoUnit.MILLIS) + "\",\"data\":{"
                + "\"ticket_id\":\"" + runId + "-P" + n + "\",\"channel\":\"chat\",\"team_id\":\"" + probeTeam(n) + "\"}}";
    }

    /**
     * Generates about {@code targetEvents} distinct events (plus resends) with event times in {@code [from, to)}
     * (none after {@link #now()}), spread over the days by weekday and hour, and delivers them to the sink.
     */
    public Counts generate(String segment, Instant from, Instant to, long targetEvents, Sink sink) {
        Segment s = new Segment(segment, sink);
        List<Instant[]> days = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        double total = days(from, to, days, weights);
        double cumulative = 0;
        for (int i = 0; i < days.size(); i++) {
            cumulative += weights.get(i);
            long dayTarget = Math.round(targetEvents * cumulative / total) - s.events;
            s.day(days.get(i)[0], days.get(i)[1], dayTarget, -1);
        }
        s.finish();
        return s.counts();
    }

    /**
     * Generates tickets with creation times in {@code [from, to)} (none after {@link #now()}): about
     * {@code ticketsPerDay} on a weekday, under half of that at weekends, each day's number varying by 15 % either
     * way, and fewer on a day cut by the window, by its hours' weight. Every agent works a shift on a weekday, three in
     * ten at weekends. Delivered to the sink as {@link #generate} delivers.
     */
    public Counts generateTickets(String segment, Instant from, Instant to, int ticketsPerDay, Sink sink) {
        Segment s = new Segment(segment, sink);
        List<Instant[]> days = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        days(from, to, days, weights);
        double wholeDay = 0;
        for (int weight : HOURLY) {
            wholeDay += weight;
        }
        for (int i = 0; i < days.size(); i++) {
            // A day's weight is its hours' (all of them on a whole day) times the weekend factor.
            long tickets = Math.round(ticketsPerDay * weights.get(i) / wholeDay * (0.85 + 0.3 * s.random.nextDouble()));
            s.day(days.get(i)[0], days.get(i)[1], -1, tickets);
        }
        s.finish();
        return s.counts();
    }

    /** The UTC days of [from, min(to, now)) as [start, end) pairs, with their weights (hours, weekends); the sum. */
    private double days(Instant from, Instant to, List<Instant[]> days, List<Double> weights) {
        Instant end = to.isAfter(now) ? now : to;
        double total = 0;
        for (LocalDate day = LocalDate.ofInstant(from, ZoneOffset.UTC); ; day = day.plusDays(1)) {
            Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
            if (!dayStart.isBefore(end)) {
                break;
            }
            Instant a = dayStart.isBefore(from) ? from : dayStart;
            Instant b = dayStart.plus(Duration.ofDays(1)).isAfter(end) ? end : dayStart.plus(Duration.ofDays(1));
            double weight = hourWeight(a, b) * (weekend(day) ? 0.45 : 1.0);
            days.add(new Instant[] {a, b});
            weights.add(weight);
            total += weight;
        }
        return total;
    }

    private static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** The hourly weight inside [a, b), a and b within one UTC day. */
    private static double hourWeight(Instant a, Instant b) {
        double weight = 0;
        long start = a.getEpochSecond();
        long stop = b.getEpochSecond();
        for (long t = start; t < stop; ) {
            long hourEnd = (t / 3600 + 1) * 3600;
            long until = Math.min(hourEnd, stop);
            int hour = (int) ((t / 3600) % 24);
            weight += HOURLY[hour] * (until - t) / 3600.0;
            t = until;
        }
        return weight;
    }

    static String[] agents(String prefix, int n) {
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = prefix + "-" + String.format("%02d", i + 1);
        }
        return ids;
    }

    /** One delivery waiting for its turn within its day. */
    private record Pending(long arrival, int tenant, String json) {
    }

    private final class Segment {
        final String name;
        final Sink sink;
        final Random random;
        final List<Pending> late = new ArrayList<>();
        final List<Pending> day = new ArrayList<>();
        final long[] perTenant = new long[2];
        long events;
        long deliveries;
        long resent;
        long tickets;
        long nextId = 1;
        int tenant;

        Segment(String name, Sink sink) {
            this.name = name;
            this.sink = sink;
            this.random = new Random(seed * 1_000_003L + name.hashCode());
        }

        Counts counts() {
            return new Counts(events, deliveries, late.size(), resent, tickets, perTenant);
        }

        /** One day's traffic: {@code target} events, or (when that is negative) {@code ticketTarget} tickets. */
        void day(Instant from, Instant to, long target, long ticketTarget) {
            day.clear();
            long startEvents = events;
            long startTickets = tickets;
            boolean byTickets = target < 0;
            // shifts first, a bounded share of the day's events
            int agentsTotal = 0;
            for (Team team : helpdesk.teams()) {
                agentsTotal += team.agents().length;
            }
            if (twoTenants) {
                for (Team team : TEAMS_B) {
                    agentsTotal += team.agents().length;
                }
            }
            double shiftProbability = byTickets ? 1.0 : Math.min(1.0, target * SHIFT_SHARE / (agentsTotal * 4.2));
            LocalDate date = LocalDate.ofInstant(from, ZoneOffset.UTC);
            Instant dayStart = date.atStartOfDay(ZoneOffset.UTC).toInstant();
            for (int t = 0; t < (twoTenants ? 2 : 1); t++) {
                tenant = t;
                for (Team team : t == 0 ? helpdesk.teams() : TEAMS_B) {
                    for (String agent : team.agents()) {
                        if (random.nextDouble() < shiftProbability && !(weekend(date) && random.nextDouble() < 0.7)) {
                            shift(dayStart, from, to, team, agent);
                        }
                    }
                }
            }
            // then tickets until the day has its share
            long[] hourWeights = new long[24];
            long totalWeight = 0;
            for (int h = 0; h < 24; h++) {
                Instant hourStart = dayStart.plusSeconds(3600L * h);
                boolean inside = hourStart.plusSeconds(3600).isAfter(from) && hourStart.isBefore(to);
                hourWeights[h] = inside ? HOURLY[h] : 0;
                totalWeight += hourWeights[h];
            }
            if (totalWeight == 0) {
                return;
            }
            while (byTickets ? tickets - startTickets < ticketTarget : events - startEvents < target) {
                long r = (long) (random.nextDouble() * totalWeight);
                int hour = 0;
                while (r >= hourWeights[hour]) {
                    r -= hourWeights[hour];
                    hour++;
                }
                Instant created = dayStart.plusSeconds(3600L * hour + random.nextInt(3600));
                if (created.isBefore(from) || !created.isBefore(to)) {
                    continue;
                }
                tenant = random.nextDouble() < shareB ? 1 : 0;
                ticket(name + "-T" + tickets++, created);
            }
            day.sort(Comparator.comparingLong(Pending::arrival));
            for (Pending pending : day) {
                deliver(pending);
            }
            day.clear();
        }

        void finish() {
            Collections.shuffle(late, random);
            for (Pending pending : late) {
                deliver(pending);
            }
        }

        private void deliver(Pending pending) {
            deliveries++;
            sink.accept(pending.tenant(), pending.json());
        }

        void shift(Instant dayStart, Instant from, Instant to, Team team, String agent) {
            Instant start = dayStart.plusSeconds(3600L * (6 + random.nextInt(4)) + random.nextInt(1800));
            String who = "{\"agent_id\":\"" + agent + "\"";
            emitIn(from, to, start, "agent.status_changed", who + ",\"status\":\"online\",\"team_id\":\"" + team.id() + "\"}");
            Instant lunch = start.plusSeconds(4 * 3600 + random.nextInt(1800));
            emitIn(from, to, lunch, "agent.status_changed", who + ",\"status\":\"away\"}");
            emitIn(from, to, lunch.plusSeconds(1800 + random.nextInt(1800)), "agent.status_changed",
                    who + ",\"status\":\"online\"}");
            if (random.nextDouble() < 0.3) {
                Instant busy = start.plusSeconds(3600 + random.nextInt(7200));
                emitIn(from, to, busy, "agent.status_changed", who + ",\"status\":\"busy\"}");
                emitIn(from, to, busy.plusSeconds(600 + random.nextInt(1800)), "agent.status_changed",
                        who + ",\"status\":\"online\"}");
            }
            emitIn(from, to, start.plusSeconds(8 * 3600 + random.nextInt(3600)), "agent.status_changed",
                    who + ",\"status\":\"offline\"}");
            if (random.nextDouble() < 0.1) {
                emitIn(from, to, start.plusSeconds(3 * 3600), "peer.review", who + ",\"reviewer_id\":\""
                        + pick(team.agents()) + "\",\"score\":" + (3 + random.nextInt(3)) + "}");
            }
        }

        /** Shift events stay inside the day's window, so that a segment's events are inside [from, to). */
        private void emitIn(Instant from, Instant to, Instant time, String type, String data) {
            if (!time.isBefore(from) && time.isBefore(to)) {
                emit(time, type, data);
            }
        }

        void ticket(String ticket, Instant created) {
            Team[] teams = tenant == 0 ? helpdesk.teams() : TEAMS_B;
            Team team = teams[weighted(tenant == 0 ? helpdesk.teamWeights() : TEAM_WEIGHTS_B)];
            String channel = team.channels()[weighted(team.channelWeights())];
            String agent = pick(team.agents());
            boolean assignedAtCreation = random.nextDouble() < 0.7;
            String priority = new String[] {"low", "normal", "normal", "normal", "high", "urgent"}[random.nextInt(6)];
            String customer = "cust-" + (1000 + random.nextInt(9000));
            ticket = runId + "-" + ticket;
            emit(created, "ticket.created", "{\"ticket_id\":\"" + ticket + "\",\"channel\":\"" + channel
                    + "\",\"priority\":\"" + priority + "\",\"customer_id\":\"" + customer + "\",\"team_id\":\"" + team.id()
                    + "\"" + (assignedAtCreation ? ",\"agent_id\":\"" + agent + "\"" : "") + "}");
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
            // a transfer to another agent or team before anyone answers, now and then
            if (random.nextDouble() < 0.08) {
                Team other = teams[random.nextInt(teams.length)];
                team = other;
                agent = pick(other.agents());
                t = t.plusSeconds(60 + random.nextInt(900));
                emit(t, "ticket.assigned", "{\"ticket_id\":\"" + ticket + "\",\"team_id\":\"" + other.id()
                        + "\",\"agent_id\":\"" + agent + "\"}");
            }
            double speed = 0.6 + (Math.abs(agent.hashCode()) % 100) / 100.0;
            Instant firstReply = t.plusSeconds((long) (firstReplySeconds(channel) * speed));
            if (firstReply.isAfter(now)) {
                return;
            }
            emit(firstReply, "ticket.message", message(ticket, "agent", agent, true));
            if (channel.equals("chat") || channel.equals("phone") || channel.equals("messaging")) {
                double talk = 120 + 480 * random.nextDouble();
                emit(firstReply.plusSeconds((long) talk + 60), "interaction.completed", "{\"agent_id\":\"" + agent
                        + "\",\"channel\":\"" + channel + "\",\"ticket_id\":\"" + ticket + "\",\"talk_s\":"
                        + Math.round(talk) + ",\"hold_s\":" + (channel.equals("phone") ? random.nextInt(90) : 0)
                        + ",\"wrap_s\":" + (20 + random.nextInt(60)) + "}");
            }
            if (random.nextDouble() < 0.04) {
                emit(firstReply.plusSeconds(86_400), "qa.review", "{\"agent_id\":\"" + agent + "\",\"ticket_id\":\""
                        + ticket + "\",\"score\":" + (60 + random.nextInt(41)) + ",\"reviewer_id\":\"qa-lead\"}");
            }
            if ((team.id().equals("billing") || team.id().equals("sales")) && random.nextDouble() < 0.06) {
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
                return; // still open
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
                emit(solved.plusSeconds(120), "ticket.tagged", "{\"ticket_id\":\"" + ticket
                        + "\",\"tags\":[\"complaint\",\"" + channel + "\"]}");
            }
            if (random.nextDouble() < 0.35) {
                Instant rated = solved.plusSeconds(600 + random.nextInt(86_400));
                int score = csatScore(firstReply.getEpochSecond() - created.getEpochSecond(), channel);
                emit(rated, "survey.csat", "{\"ticket_id\":\"" + ticket + "\",\"score\":" + score + "}");
                if (random.nextDouble() < 0.05) {
                    emit(rated.plusSeconds(86_400), "survey.csat", "{\"ticket_id\":\"" + ticket + "\",\"score\":"
                            + Math.min(5, score + 2) + ",\"comment\":\"thanks for following up\"}");
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
                case "other" -> 3_600;
                default -> 7_200;
            };
            return median * Math.exp(0.8 * random.nextGaussian());
        }

        long replyGap(String channel) {
            return channel.equals("email") || channel.equals("web") ? 1_800 + random.nextInt(14_400) : 20 + random.nextInt(240);
        }

        int csatScore(long firstReplySeconds, String channel) {
            boolean slow = firstReplySeconds > (channel.equals("chat") || channel.equals("phone") ? 120 : 14_400);
            return 1 + weighted(slow ? new int[] {12, 15, 23, 28, 22} : new int[] {3, 4, 10, 30, 53});
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
            String json = "{\"specversion\":\"1.0\",\"id\":\"" + runId + "-" + name + "-" + nextId++
                    + "\",\"source\":\"" + helpdesk.source() + "\",\"type\":\"" + type + "\",\"time\":\"" + time + "\",\"data\":"
                    + data + "}";
            events++;
            perTenant[tenant]++;
            long arrival = time.getEpochSecond() + random.nextInt(JITTER_SECONDS);
            Pending pending = new Pending(arrival, tenant, json);
            if (random.nextDouble() < LATE_SHARE) {
                late.add(pending);
            } else {
                day.add(pending);
            }
            if (random.nextDouble() < RESENT_SHARE) {
                resent++;
                day.add(new Pending(arrival + random.nextInt(7_200), tenant, json));
            }
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
}
