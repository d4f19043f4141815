package io.deskpulse.ingestion.rest;

import java.util.List;
import java.util.Locale;

/** The bodies {@code POST /v1/events} takes, told apart by Content-Type (parameters such as charset ignored). */
public enum IngestContentType {
    SINGLE, BATCH, NDJSON;

    public static final String CLOUDEVENT = "application/cloudevents+json";
    public static final String JSON = "application/json";
    public static final String BATCH_JSON = "application/cloudevents-batch+json";
    public static final String NDJSON_TYPE = "application/x-ndjson";
    public static final List<String> ACCEPTED = List.of(CLOUDEVENT, JSON, BATCH_JSON, NDJSON_TYPE);

    /** Whether the body is a CloudEvents format of its own (structured, batch) or NDJSON: ce-* headers then do not apply. */
    public static boolean isStructured(String contentType) {
        IngestContentType kind = of(contentType);
        return kind == BATCH || kind == NDJSON || (kind == SINGLE && bare(contentType).equals(CLOUDEVENT));
    }

    private static String bare(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** The kind of body, or null when the Content-Type is missing or not one of {@link #ACCEPTED}. */
    public static IngestContentType of(String contentType) {
        if (contentType == null) {
            return null;
        }
        return switch (bare(contentType)) {
            case CLOUDEVENT, JSON -> SINGLE;
            case BATCH_JSON -> BATCH;
            case NDJSON_TYPE -> NDJSON;
            default -> null;
        };
    }
}
