package io.deskpulse.e2e;

/** Canonical events as a helpdesk sends them (JSON text), for the end-to-end tests. */
final class Events {

    private Events() {
    }

    static String event(String id, String type, String time, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"e2e/helpdesk\",\"type\":\"" + type
                + "\",\"time\":\"" + time + "\",\"data\":" + data + "}";
    }

    static String created(String id, String time, String ticket, String channel, String team, String agent) {
        return event(id, "ticket.created", time, "{\"ticket_id\":\"" + ticket + "\",\"channel\":\"" + channel
                + "\",\"team_id\":\"" + team + "\",\"agent_id\":\"" + agent + "\"}");
    }

    static String created(String id, String time, String ticket, String channel, String team, String agent,
            String customer) {
        return event(id, "ticket.created", time, "{\"ticket_id\":\"" + ticket + "\",\"channel\":\"" + channel
                + "\",\"team_id\":\"" + team + "\",\"agent_id\":\"" + agent + "\",\"customer_id\":\"" + customer + "\"}");
    }

    static String tagged(String id, String time, String ticket, String tag) {
        return event(id, "ticket.tagged", time, "{\"ticket_id\":\"" + ticket + "\",\"tags\":[\"" + tag + "\"]}");
    }

    static String nps(String id, String time, String customer, int score) {
        return event(id, "survey.nps", time, "{\"customer_id\":\"" + customer + "\",\"score\":" + score + "}");
    }

    static String customerMessage(String id, String time, String ticket) {
        return event(id, "ticket.message", time, "{\"ticket_id\":\"" + ticket + "\",\"author\":\"customer\"}");
    }

    static String agentReply(String id, String time, String ticket, String agent) {
        return event(id, "ticket.message", time, "{\"ticket_id\":\"" + ticket + "\",\"author\":\"Agent\",\"agent_id\":\""
                + agent + "\",\"public\":true}");
    }

    static String status(String id, String time, String ticket, String status) {
        return event(id, "ticket.status_changed", time, "{\"ticket_id\":\"" + ticket + "\",\"status\":\"" + status + "\"}");
    }

    static String csat(String id, String time, String ticket, int score) {
        return event(id, "survey.csat", time, "{\"ticket_id\":\"" + ticket + "\",\"score\":" + score + "}");
    }

    static String batch(java.util.List<String> events) {
        return "[" + String.join(",", events) + "]";
    }
}
