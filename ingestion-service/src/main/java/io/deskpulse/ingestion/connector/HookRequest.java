package io.deskpulse.ingestion.connector;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One webhook delivery as received: its headers (names lower-cased; one value each, the first if repeated), its raw
 * body (signatures are computed over these exact bytes, never over re-serialised JSON) and when DeskPulse received
 * it. {@code receivedAt} is kept with the raw payload, so that re-mapping it later gives the same events.
 */
public record HookRequest(Map<String, String> headers, byte[] body, Instant receivedAt) {

    public HookRequest {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(receivedAt, "receivedAt");
        TreeMap<String, String> lower = new TreeMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> {
                if (name != null && value != null) {
                    lower.putIfAbsent(name.toLowerCase(Locale.ROOT), value);
                }
            });
        }
        headers = Map.copyOf(lower);
    }

    /** The header's value (the name in any case), or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
