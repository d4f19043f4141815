package io.deskpulse.ingestion.messaging;

import io.deskpulse.ingestion.connector.Platform;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * One accepted webhook delivery as the raw topic keeps it (docs/connectors.md#raw-payloads): the body exactly as
 * received (the record's value), keyed by connector id, and in record headers the connector, tenant, platform,
 * receipt time and the delivery's own headers that matter ({@link Platform#headersToKeep}: delivery ids, signed
 * timestamps, the trigger's name), each as {@code h.<lower-case name>}. Never a credential or a signature.
 */
public record RawHook(String connectorId, String tenant, String platform, Instant receivedAt,
        Map<String, String> headers, byte[] body) {

    static final String CONNECTOR = "dp.connector";
    static final String TENANT = "dp.tenant";
    static final String PLATFORM = "dp.platform";
    static final String RECEIVED_AT = "dp.received-at";
    static final String HEADER_PREFIX = "h.";

    /** The headers of a delivery the platform's raw payloads keep (names lower-cased): never a credential. */
    public static Map<String, String> kept(Platform platform, Map<String, String> headers) {
        Map<String, String> kept = new TreeMap<>();
        headers.forEach((name, value) -> {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (platform.headersToKeep().contains(lower)) {
                kept.put(lower, value);
            }
        });
        return kept;
    }

    ProducerRecord<byte[], byte[]> toRecord(String topic) {
        List<Header> recordHeaders = new ArrayList<>();
        recordHeaders.add(header(CONNECTOR, connectorId));
        recordHeaders.add(header(TENANT, tenant));
        recordHeaders.add(header(PLATFORM, platform));
        recordHeaders.add(header(RECEIVED_AT, receivedAt.toString()));
        headers.forEach((name, value) -> recordHeaders.add(header(HEADER_PREFIX + name, value)));
        return new ProducerRecord<>(topic, null, receivedAt.toEpochMilli(), bytes(connectorId), body, recordHeaders);
    }

    static RawHook fromRecord(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new TreeMap<>();
        String connector = null;
        String tenant = null;
        String platform = null;
        Instant receivedAt = Instant.ofEpochMilli(record.timestamp());
        for (Header header : record.headers()) {
            String value = header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
            switch (header.key()) {
                case CONNECTOR -> connector = value;
                case TENANT -> tenant = value;
                case PLATFORM -> platform = value;
                case RECEIVED_AT -> receivedAt = Instant.parse(value);
                default -> {
                    if (header.key().startsWith(HEADER_PREFIX)) {
                        headers.put(header.key().substring(HEADER_PREFIX.length()), value);
                    }
                }
            }
        }
        return new RawHook(connector, tenant, platform, receivedAt, headers,
                record.value() == null ? new byte[0] : record.value());
    }

    private static Header header(String key, String value) {
        return new RecordHeader(key, bytes(value));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
