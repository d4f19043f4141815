package io.deskpulse.ingestion.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskpulse.ingestion.config.ConnectorConfig;
import io.deskpulse.ingestion.connector.HookRequest;
import io.deskpulse.ingestion.connector.Mapped;
import io.deskpulse.ingestion.connector.MappingException;
import io.deskpulse.ingestion.connector.PayloadMapper;
import io.deskpulse.ingestion.connector.Platform;
import io.deskpulse.ingestion.connector.SignatureVerifier;
import io.deskpulse.ingestion.connector.Verdict;
import io.deskpulse.ingestion.messaging.EventPublisher;
import io.deskpulse.ingestion.messaging.RawHook;
import io.deskpulse.ingestion.messaging.RawHookReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Takes a helpdesk's webhook delivery (docs/connectors.md): the connector looked up in the directory, the delivery
 * verified by the platform's scheme, its body kept on the raw topic, then mapped to canonical events that take exactly
 * the path of POST /v1/events (same validation, deduplication, all or nothing, answered once Kafka has them).
 */
@ApplicationScoped
public class HookService {

    private static final Logger LOG = Logger.getLogger(HookService.class);
    /** Canonical events sent to the event path at once during a re-map (its batch limit is 1000). */
    private static final int REMAP_CHUNK = 500;

    private final ConnectorDirectory directory;
    private final EventPublisher publisher;
    private final IngestService ingest;
    private final RawHookReader reader;
    private final ConnectorConfig config;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<Platform, PayloadMapper> mappers = new EnumMap<>(Platform.class);

    public HookService(ConnectorDirectory directory, EventPublisher publisher, IngestService ingest, RawHookReader reader,
            ConnectorConfig config, Clock clock) {
        this.directory = directory;
        this.publisher = publisher;
        this.ingest = ingest;
        this.reader = reader;
        this.config = config;
        this.clock = clock;
        for (Platform platform : Platform.values()) {
            mappers.put(platform, PayloadMapper.forPlatform(platform));
        }
    }

    /** What a delivery came to: the canonical events accepted, those already counted, and what was not counted. */
    public record HookOutcome(long accepted, long duplicates, List<String> ignored) {
    }

    /**
     * The connector a delivery is for; unknown and disabled are the same answer.
     *
     * @throws ConnectorsUnavailableException when connector secrets cannot be read (no encryption key)
     * @throws UnknownConnectorException when there is no such live connector
     */
    public KnownConnector connector(String id) {
        if (!directory.configured()) {
            throw new ConnectorsUnavailableException();
        }
        return directory.find(id).orElseThrow(UnknownConnectorException::new);
    }

    /**
     * @throws HookRefusedException when the signature or credentials do not prove the delivery comes from the helpdesk
     * @throws MappingException when the payload is malformed (it is kept on the raw topic all the same)
     */
    public HookOutcome accept(KnownConnector connector, Map<String, String> headers, InputStream body) {
        publisher.ensureAvailable();
        Instant now = clock.instant();
        HookRequest request = new HookRequest(headers, read(body), now);
        Verdict verdict = SignatureVerifier.forPlatform(connector.platform(), connector.allowUnsigned())
                .verify(request, connector.secrets(now), now);
        if (!verdict.accepted()) {
            LOG.infof("Refused a delivery to connector %s of tenant %s: %s", connector.id(), connector.tenant(),
                    verdict.logReason());
            throw new HookRefusedException(verdict.clientReason());
        }
        // The raw record is sent before mapping and awaited with the events, not before them: one round trip to
        // Kafka per delivery instead of two. Every answer, a 4xx for a malformed payload included, still waits for
        // it, so a payload is kept whenever it was answered; if it is not acknowledged the answer is a 503 and the
        // platform's retry brings it again (its events then count once: the same ids).
        EventPublisher.Sending raw = publisher.startRaw(new RawHook(connector.id(), connector.tenant(),
                connector.platform().jsonName(), now, RawHook.kept(connector.platform(), request.headers()),
                request.body()), config.rawTopic());
        HookOutcome outcome;
        try {
            Mapped mapped = mappers.get(connector.platform()).map(request, connector.id());
            IngestResult result = send(connector.tenant(), mapped.events());
            outcome = new HookOutcome(result.accepted(), result.duplicates(), mapped.ignored());
        } catch (RuntimeException e) {
            throw raw.awaitAfter(e);
        }
        raw.await();
        return outcome;
    }

    /** What a re-map did (docs/connectors.md#re-map). */
    public record RemapOutcome(long payloadsRead, long payloadsUnmappable, long accepted, long duplicates,
            boolean complete, Instant lastReceivedAt) {
    }

    /**
     * Maps again the connector's raw payloads received since {@code from} and sends the events through the event
     * path. The ids are those of the first mapping, so events already counted count once; events a fixed mapping now
     * produces are added. Payloads that still do not map are counted and skipped.
     */
    public RemapOutcome remap(KnownConnector connector, Instant from) {
        publisher.ensureAvailable();
        PayloadMapper payloads = mappers.get(connector.platform());
        List<ObjectNode> pending = new ArrayList<>();
        long[] counts = new long[4];
        RawHookReader.Outcome read = reader.read(connector.id(), from, config.remapMaxPayloads(), raw -> {
            if (!connector.tenant().equals(raw.tenant())) {
                return;
            }
            try {
                pending.addAll(payloads.map(new HookRequest(raw.headers(), raw.body(), raw.receivedAt()),
                        connector.id()).events());
            } catch (MappingException e) {
                counts[0]++;
            }
            if (pending.size() >= REMAP_CHUNK) {
                add(counts, send(connector.tenant(), pending));
                pending.clear();
            }
        });
        add(counts, send(connector.tenant(), pending));
        return new RemapOutcome(read.read(), counts[0], counts[1], counts[2], read.complete(), read.lastReceivedAt());
    }

    private static void add(long[] counts, IngestResult result) {
        counts[1] += result.accepted();
        counts[2] += result.duplicates();
    }

    private IngestResult send(String tenant, List<ObjectNode> events) {
        if (events.isEmpty()) {
            return new IngestResult(0, 0);
        }
        try {
            return ingest.ingestBatch(tenant, new ByteArrayInputStream(mapper.writeValueAsBytes(events)));
        } catch (IOException e) {
            throw new IllegalStateException("mapped events are always serialisable", e);
        }
    }

    private byte[] read(InputStream body) {
        long limit = config.maxBodySize().asLongValue();
        try {
            return new LimitedInputStream(body, limit, "The webhook body is larger than " + limit
                    + " bytes (deskpulse.connectors.max-body-size).").readAllBytes();
        } catch (IOException e) {
            throw new UnreadableBodyException(e);
        }
    }
}
