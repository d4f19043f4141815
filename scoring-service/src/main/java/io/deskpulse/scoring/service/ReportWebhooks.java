package io.deskpulse.scoring.service;

import io.deskpulse.scoring.config.PeriodReportConfig;
import io.deskpulse.scoring.config.WebhookConfig;
import io.deskpulse.scoring.domain.ReportPeriod;
import io.deskpulse.scoring.domain.ReportSummary;
import io.deskpulse.scoring.domain.ReportWebhook;
import io.deskpulse.scoring.domain.WebhookDelivery;
import io.deskpulse.scoring.repository.ReportWebhookRepository;
import io.deskpulse.scoring.repository.Transactions;
import io.deskpulse.scoring.repository.WebhookDeliveryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;

/**
 * The tenants' report webhooks (docs/report-webhooks.md): where period reports are posted when they are made. The
 * secret is stored encrypted ({@link WebhookSecrets}), bound to the webhook, and shown only in the answers of create and
 * rotate. Deliveries go through the alert webhooks' outbox and worker ({@link WebhookDispatcher}): signed, retried,
 * every attempt recorded.
 */
@ApplicationScoped
public class ReportWebhooks {

    public static final String RESOURCE = "/v1/report-webhooks";
    /** Why a delivery of a disabled webhook was cancelled. */
    public static final String DISABLED = "the report webhook is disabled";
    private static final int LIST_LIMIT = 200;
    private static final int DELIVERIES_LIMIT = 100;

    private final DataSource dataSource;
    private final ReportWebhookRepository webhooks;
    private final WebhookDeliveryRepository outbox;
    private final WebhookSecrets secrets;
    private final WebhookConfig delivery;
    private final PeriodReportConfig reports;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ReportWebhooks(DataSource dataSource, ReportWebhookRepository webhooks, WebhookDeliveryRepository outbox,
            WebhookSecrets secrets, WebhookConfig delivery, PeriodReportConfig reports, Clock clock) {
        this.dataSource = dataSource;
        this.webhooks = webhooks;
        this.outbox = outbox;
        this.secrets = secrets;
        this.delivery = delivery;
        this.reports = reports;
        this.clock = clock;
    }

    /** A created webhook, or one whose secret was rotated, with the secret in the clear: the one time it is shown. */
    public record WithSecret(ReportWebhook webhook, String secret) {
    }

    /** {@code secret}: the receiver's own, or null to generate one (256 random bits). */
    public WithSecret create(String tenant, String name, String url, List<ReportPeriod.Length> granularities,
            String secret, String createdBy) throws SQLException {
        checkAddress(url);
        Instant now = now();
        String plain = secret != null ? secret : newSecret();
        return Transactions.run(dataSource, false, c -> {
            // counted under the tenant's lock, so that two creates at once cannot both pass the limit
            webhooks.lockTenant(c, tenant);
            if (webhooks.count(c, tenant) >= reports.maxWebhooksPerTenant()) {
                throw new ReportWebhookLimitException("This tenant has " + reports.maxWebhooksPerTenant() + " report "
                        + "webhooks, the most allowed (deskpulse.reports.max-webhooks-per-tenant); disabled ones count too.");
            }
            long id = webhooks.nextId(c);
            ReportWebhook webhook = new ReportWebhook(id, tenant, name, url, granularities, null, createdBy, now, now);
            webhooks.insert(c, webhook, secrets.sealReport(tenant, id, plain));
            return new WithSecret(webhook, plain);
        });
    }

    public List<ReportWebhook> list(String tenant) throws SQLException {
        return Transactions.autoCommit(dataSource, c -> webhooks.list(c, tenant, LIST_LIMIT));
    }

    public ReportWebhook find(String tenant, long id) throws SQLException {
        return Transactions.autoCommit(dataSource, c -> webhooks.find(c, tenant, id)).orElseThrow(() -> unknown(id));
    }

    /**
     * Replaces the secret; the next attempt of every delivery, pending ones included, is signed with the new one (the
     * secret is read at each attempt).
     */
    public WithSecret rotate(String tenant, long id, String secret) throws SQLException {
        String plain = secret != null ? secret : newSecret();
        return Transactions.run(dataSource, false, c -> {
            if (!webhooks.storeSecret(c, tenant, id, secrets.sealReport(tenant, id, plain), now())) {
                throw unknown(id);
            }
            return new WithSecret(webhooks.find(c, tenant, id).orElseThrow(), plain);
        });
    }

    /** No new report goes to it, and what is still pending is cancelled. Disabling again changes nothing. */
    public ReportWebhook disable(String tenant, long id) throws SQLException {
        Instant now = now();
        return Transactions.run(dataSource, false, c -> {
            if (!webhooks.disable(c, tenant, id, now)) {
                throw unknown(id);
            }
            outbox.cancelPendingReports(c, id, now, DISABLED);
            return webhooks.find(c, tenant, id).orElseThrow();
        });
    }

    public List<WebhookDelivery> deliveries(String tenant, long id) throws SQLException {
        return Transactions.autoCommit(dataSource, c -> {
            webhooks.find(c, tenant, id).orElseThrow(() -> unknown(id));
            return outbox.recent(c, tenant, WebhookDelivery.Kind.REPORT, id, DELIVERIES_LIMIT);
        });
    }

    /**
     * Called in the transaction that stores the report: one delivery per enabled webhook of the tenant that takes
     * reports of its length, so the report and its deliveries commit together or not at all. Returns how many.
     */
    public int enqueue(Connection c, String tenant, long reportId, ReportPeriod period, String timeZone,
            int modelVersion, ReportSummary summary) throws SQLException {
        List<ReportWebhook> targets = webhooks.enabledFor(c, tenant, period.length());
        if (targets.isEmpty()) {
            return 0;
        }
        String payload = ReportPayloads.of(tenant, reportId, period, timeZone, modelVersion, summary, reportingUrl());
        Instant now = clock.instant();
        int enqueued = 0;
        for (ReportWebhook webhook : targets) {
            if (outbox.enqueueReport(c, tenant, webhook.id(), reportId, ReportPayloads.CREATED, payload, now)) {
                enqueued++;
            }
        }
        return enqueued;
    }

    private String reportingUrl() {
        String base = reports.publicReportingUrl();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private void checkAddress(String url) {
        WebhookAddresses.refusalWhenSaved(url, delivery.allowPrivateAddresses()).ifPresent(reason -> {
            throw new InvalidReportWebhookException(List.of(new FieldError("url", reason)));
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static UnknownResourceException unknown(long id) {
        return new UnknownResourceException("This tenant has no report webhook " + id + " (GET " + RESOURCE
                + " lists them).");
    }
}
