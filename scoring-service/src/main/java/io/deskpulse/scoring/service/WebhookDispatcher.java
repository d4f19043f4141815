package io.deskpulse.scoring.service;

import io.deskpulse.platform.crypto.UndecryptableSecretException;
import io.deskpulse.scoring.config.WebhookConfig;
import io.deskpulse.scoring.domain.Backoff;
import io.deskpulse.scoring.domain.WebhookDelivery;
import io.deskpulse.scoring.domain.WebhookSignature;
import io.deskpulse.scoring.repository.Transactions;
import io.deskpulse.scoring.repository.WebhookDeliveryRepository.Due;
import io.deskpulse.scoring.repository.WebhookDeliveryRepository;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Delivers alert and report webhooks from the outbox (docs/alerts.md#webhooks, docs/report-webhooks.md), apart from scoring: takes the deliveries
 * that are due (a lease keeps other instances off them), posts each, signed, in parallel and outside any
 * transaction, then records every attempt and either marks the delivery done, schedules the next attempt with
 * exponential backoff, or gives it up after the last attempt. Delivery is at least once: a receiver
 * recognises a repeat by X-DeskPulse-Delivery.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int MAX_ERROR_LENGTH = 500;

    private final DataSource dataSource;
    private final WebhookDeliveryRepository outbox;
    private final WebhookConfig config;
    private final Backoff backoff;
    private final Clock clock;
    private final WebhookClient http;
    private final WebhookSecrets secrets;

    public WebhookDispatcher(DataSource dataSource, WebhookDeliveryRepository outbox, WebhookConfig config, Clock clock,
            Vertx vertx, WebhookResolver resolver, WebhookSecrets secrets) {
        this.secrets = secrets;
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.config = config;
        this.backoff = new Backoff(config.initialBackoff(), config.maxBackoff());
        this.clock = clock;
        this.http = new WebhookClient(vertx, resolver, config.allowPrivateAddresses(), config.timeout(), config.batch());
    }

    @PreDestroy
    void close() {
        http.close();
    }

    /** How an attempt ended: delivered, failed (retry unless it was the last), refused (never retried), or moot. */
    private enum Result { DELIVERED, FAILED, REFUSED, CANCELLED }

    private record Attempt(Due due, Instant at, Result result, Integer status, String error, long durationMs) {
    }

    @Scheduled(every = "${deskpulse.webhooks.interval:2s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            dispatchDue();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Delivering webhooks failed, will retry: %s", e.getMessage());
        }
    }

    /** Delivers what is due now; returns how many attempts were made. */
    public int dispatchDue() throws SQLException {
        Instant now = clock.instant();
        // Held for three timeouts: long enough for the parallel attempts and their recording.
        Instant leaseUntil = now.plus(config.timeout().multipliedBy(3));
        List<Due> due = Transactions.run(dataSource, false, c -> outbox.claim(c, now, config.batch(), leaseUntil));
        if (due.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Attempt>> attempts = new ArrayList<>();
        for (Due delivery : due) {
            attempts.add(attempt(delivery));
        }
        List<Attempt> done = attempts.stream().map(CompletableFuture::join).toList();
        Transactions.run(dataSource, false, c -> {
            for (Attempt attempt : done) {
                record(c, attempt);
            }
            return null;
        });
        return done.size();
    }

    private CompletableFuture<Attempt> attempt(Due due) {
        Instant at = clock.instant();
        boolean alert = due.kind() == WebhookDelivery.Kind.ALERT;
        if (due.url() == null) {
            return CompletableFuture.completedFuture(new Attempt(due, at, Result.CANCELLED, null,
                    alert ? "the rule no longer has a webhook" : ReportWebhooks.DISABLED, 0));
        }
        String secret;
        try {
            secret = secrets.open(due.kind(), due.tenant(), due.target(), due.secret());
        } catch (UndecryptableSecretException e) {
            // No later attempt can do better: the key that wrote it is not configured (see docs/security.md).
            LOG.errorf("Webhook secret of %s %d cannot be decrypted: %s", target(due), due.target(), e.getMessage());
            return CompletableFuture.completedFuture(new Attempt(due, at, Result.REFUSED, null,
                    "the webhook secret cannot be decrypted with the configured keys; " + (alert
                            ? "save the rule's webhook again" : "rotate the report webhook's secret"), 0));
        }
        byte[] body = due.payload().getBytes(StandardCharsets.UTF_8);
        long timestamp = at.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "DeskPulse-Webhooks/1");
        headers.put("X-DeskPulse-Event", due.event());
        headers.put("X-DeskPulse-Delivery", String.valueOf(due.id()));
        headers.put("X-DeskPulse-Timestamp", String.valueOf(timestamp));
        headers.put("X-DeskPulse-Signature", WebhookSignature.sign(secret, timestamp, body));
        long started = System.nanoTime();
        return http.post(URI.create(due.url()), headers, body).thenApply(outcome -> {
            long ms = (System.nanoTime() - started) / 1_000_000;
            return switch (outcome.kind()) {
                case REFUSED -> new Attempt(due, at, Result.REFUSED, null, outcome.error(), 0);
                case FAILED -> new Attempt(due, at, Result.FAILED, null, outcome.error(), ms);
                case ANSWERED -> outcome.status() >= 200 && outcome.status() < 300
                        ? new Attempt(due, at, Result.DELIVERED, outcome.status(), null, ms)
                        : new Attempt(due, at, Result.FAILED, outcome.status(), "HTTP " + outcome.status(), ms);
            };
        });
    }

    private void record(Connection c, Attempt attempt) throws SQLException {
        Due due = attempt.due();
        String error = attempt.error() == null || attempt.error().length() <= MAX_ERROR_LENGTH ? attempt.error()
                : attempt.error().substring(0, MAX_ERROR_LENGTH);
        outbox.recordAttempt(c, due.id(), due.attempt(), attempt.at(), due.url(), attempt.status(), error,
                attempt.durationMs());
        Instant now = clock.instant();
        switch (attempt.result()) {
            case DELIVERED -> outbox.finish(c, due.id(), "delivered", now, null);
            case CANCELLED -> outbox.finish(c, due.id(), "cancelled", now, error);
            case REFUSED -> outbox.finish(c, due.id(), "failed", now, error);
            case FAILED -> {
                if (due.attempt() >= config.maxAttempts()) {
                    LOG.warnf("Webhook delivery %d of %s %d given up after %d attempts: %s", due.id(), target(due),
                            due.target(), due.attempt(), error);
                    outbox.finish(c, due.id(), "failed", now, "gave up after " + due.attempt() + " attempts; last: " + error);
                } else {
                    outbox.retryAt(c, due.id(), now.plus(backoff.after(due.attempt())), error);
                }
            }
        }
    }

    private static String target(Due due) {
        return due.kind() == WebhookDelivery.Kind.ALERT ? "rule" : "report webhook";
    }
}
