package io.deskpulse.ingestion.service;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.deskpulse.ingestion.config.IngestConfig;
import io.deskpulse.ingestion.messaging.EventPublisher;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Takes the body of one {@code POST /v1/events} from bytes to acknowledged Kafka records, all or nothing:
 * every event is validated before the first record is sent, and the answer waits for every ack.
 */
@Startup
@ApplicationScoped
public class IngestService {

    private final IngestConfig config;
    private final EventPublisher publisher;
    private final RecentIdentities recent;
    private final IngestMetrics metrics;
    private final IngestRequest.Services services;
    private final BodyReader reader;
    private final UploadLimits uploads;

    public IngestService(IngestConfig config, EventPublisher publisher, RecentIdentities recent, IngestMetrics metrics,
            UploadLimits uploads) {
        this.config = config;
        this.uploads = uploads;
        this.publisher = publisher;
        this.recent = recent;
        this.metrics = metrics;
        // Duplicate keys would make "which type is it?" ambiguous: refuse them rather than keep the last.
        ObjectMapper mapper = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).build();
        this.services = new IngestRequest.Services(EventValidator.fromClasspath(mapper,
                new EventTimeWindow(config.earliestEventTime(), config.maxEventTimeAhead(), Clock.systemUTC())), mapper, recent,
                config.maxListedErrors(), config.maxEventSize().asLongValue());
        this.reader = new BodyReader(mapper,
                JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
    }

    public IngestResult ingestSingle(String tenant, InputStream body) {
        publisher.ensureAvailable();
        IngestRequest request = new IngestRequest(tenant, services, new IdentityWindow(1), new MemorySink());
        read(() -> reader.readSingle(limited(body, config.maxBodySize().asLongValue(), "max-body-size"), request));
        return finish(request, true);
    }

    public IngestResult ingestBatch(String tenant, InputStream body) {
        publisher.ensureAvailable();
        IdentityWindow identities = new IdentityWindow(config.maxBatchEvents());
        IngestRequest request = new IngestRequest(tenant, services, identities, new MemorySink());
        read(() -> reader.readBatch(limited(body, config.maxBodySize().asLongValue(), "max-body-size"), request,
                config.maxBatchEvents()));
        return finish(request, false);
    }

    /**
     * One event in the CloudEvents binary content mode ({@link BinaryModeEvent}): made structured, then taken as a
     * single event, with the same checks and answers.
     */
    public IngestResult ingestBinary(String tenant, Map<String, List<String>> headers, String contentType,
            InputStream body) {
        publisher.ensureAvailable();
        byte[] data;
        try {
            data = limited(body, config.maxBodySize().asLongValue(), "max-body-size").readAllBytes();
        } catch (IOException e) {
            throw new UnreadableBodyException(e);
        }
        byte[] event = BinaryModeEvent.structured(headers, contentType, data, services.mapper());
        return ingestSingle(tenant, new java.io.ByteArrayInputStream(event));
    }

    /** Streams the body through validation into a spool file, then the spool file to Kafka. */
    public IngestResult ingestNdjson(String tenant, InputStream body) {
        publisher.ensureAvailable();
        Path directory = config.spoolDir().orElse(Path.of(System.getProperty("java.io.tmpdir")));
        try (UploadLimits.Upload upload = uploads.begin(tenant);
                SpoolFile spool = SpoolFile.create(directory, upload::charge)) {
            IngestRequest request = new IngestRequest(tenant, services,
                    new IdentityWindow(config.requestDedupWindow()), spool);
            int maxLine = (int) Math.min(Integer.MAX_VALUE - 16, config.maxEventSize().asLongValue());
            read(() -> reader.readNdjson(limited(body, config.maxNdjsonSize().asLongValue(), "max-ndjson-size"),
                    request, maxLine));
            return finish(request, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the spool directory " + directory, e);
        }
    }

    private IngestResult finish(IngestRequest request, boolean single) {
        if (request.invalidEvents() > 0) {
            throw new InvalidEventsException(invalidDetail(request, single), request.errors(),
                    request.invalidEvents(), request.events());
        }
        if (request.events() == 0) {
            throw new InvalidEventsException("The request holds no events.", List.of(), 0, 0);
        }
        long toSend = request.sink().count();
        if (toSend > 0) {
            publisher.publish(request.sink().records(), toSend);
            recent.rememberAll(request.identities());
        }
        metrics.accepted(toSend);
        metrics.duplicates(request.duplicates());
        return new IngestResult(toSend, request.duplicates());
    }

    private static String invalidDetail(IngestRequest request, boolean single) {
        String detail = single
                ? "The event is invalid; it was not accepted."
                : request.invalidEvents() + " of " + request.events()
                        + " events are invalid; nothing of this request was accepted.";
        if (request.errorsTruncated()) {
            detail += " Only the first " + request.errors().size() + " errors are listed.";
        }
        return detail;
    }

    private static InputStream limited(InputStream body, long limit, String property) {
        return new LimitedInputStream(body, limit, "The body is larger than " + limit + " bytes (deskpulse.ingest."
                + property + ").");
    }

    private interface BodyRead {
        void run() throws IOException;
    }

    private static void read(BodyRead read) {
        try {
            read.run();
        } catch (IOException e) {
            throw new UnreadableBodyException(e);
        }
    }
}
