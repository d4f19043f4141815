package io.deskpulse.ingestion.testing;

import java.util.UUID;

/** Event bodies for tests; ids carry a per-call random prefix so runs and tests never collide. */
public final class TestEvents {

    public static final String INGEST_KEY = "acme-ingest-test-key-0001";
    public static final String READ_ONLY_KEY = "globex-read-test-key-0001";
    public static final String TENANT = "acme";

    private TestEvents() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }

    public static String event(String id, String type, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"zendesk/acme\",\"type\":\"" + type
                + "\",\"time\":\"2026-11-02T09:14:05Z\",\"data\":" + data + "}";
    }

    public static String ticketCreated(String id, String ticket) {
        return event(id, "ticket.created", "{\"ticket_id\":\"" + ticket + "\",\"channel\":\"email\"}");
    }

    public static String csat(String id, String ticket, int score) {
        return event(id, "survey.csat", "{\"ticket_id\":\"" + ticket + "\",\"score\":" + score + "}");
    }

    public static String array(String... events) {
        return "[" + String.join(",", events) + "]";
    }
}
