package io.deskpulse.scoring.it;

import static io.deskpulse.scoring.support.AdminApi.WONKA_ADMIN;
import static io.deskpulse.scoring.support.AdminApi.as;
import static io.deskpulse.scoring.support.AdminApi.json;
import static io.deskpulse.scoring.support.AdminApi.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.deskpulse.scoring.service.WebhookDispatcher;
import io.deskpulse.scoring.service.WebhookSecrets;
import io.deskpulse.scoring.support.ScoringTestResources;
import io.deskpulse.scoring.support.WebhookReceiver;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * With internal addresses refused (the production default), a report webhook to one is refused when it is saved (422
 * naming url), and a delivery to one — a webhook whose host came to resolve internally after it was saved — fails at
 * once with the reason and never reaches the receiver.
 */
@QuarkusTest
@WithTestResource(ScoringTestResources.class)
@TestProfile(ReportWebhookSsrfTest.PublicOnly.class)
class ReportWebhookSsrfTest {

    public static class PublicOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("deskpulse.webhooks.allow-private-addresses", "false");
        }
    }

    @Inject
    DataSource dataSource;
    @Inject
    WebhookDispatcher dispatcher;
    @Inject
    WebhookSecrets secrets;

    @Test
    void internalAddressesAreRefusedWhenSavedAndWhenDelivered() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            post(WONKA_ADMIN, "/v1/report-webhooks", json("{'name': 'Inside', 'url': '" + receiver.url() + "'}"))
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("errors.field", contains("url"))
                    .body("errors[0].reason", is("127.0.0.1 resolves to an address of an internal network; webhooks go"
                            + " to public addresses only (deskpulse.webhooks.allow-private-addresses)"));
            post(WONKA_ADMIN, "/v1/report-webhooks", json("{'name': 'Metadata',"
                    + " 'url': 'http://169.254.169.254/latest/meta-data'}")).then().statusCode(422)
                    .body("errors.field", contains("url"));

            // saved while its host answered a public address; it now answers 127.0.0.1
            long webhook = insertWebhook(receiver.url());
            long report = scalar("INSERT INTO period_reports (tenant_id, granularity, period_start, period_end,"
                    + " time_zone, generation, model_version, exemptions) VALUES ('wonka', 'day', '2026-10-06',"
                    + " '2026-10-06', 'UTC', 0, 0, '[]') RETURNING id");
            scalar("INSERT INTO webhook_deliveries (tenant_id, kind, report_webhook_id, report_id, event, payload, status,"
                    + " next_attempt_at) VALUES ('wonka', 'report', " + webhook + ", " + report
                    + ", 'period_report.created', '{}', 'pending', now() - interval '1 minute') RETURNING id");
            assertThat(dispatcher.dispatchDue()).isEqualTo(1);
            assertThat(dispatcher.dispatchDue()).isEqualTo(0);
            as(WONKA_ADMIN).get("/v1/report-webhooks/" + webhook + "/deliveries").then().statusCode(200)
                    .body("status", contains("failed")).body("[0].attempts", is(1))
                    .body("[0].last_error", startsWith("127.0.0.1 resolves to an address of an internal network"));
            assertThat(receiver.received()).isEmpty();
        }
    }

    long insertWebhook(String url) throws Exception {
        long id = scalar("SELECT nextval(pg_get_serial_sequence('report_webhooks', 'id'))");
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO"
                + " report_webhooks (id, tenant_id, name, url, secret, granularities, created_by) VALUES"
                + " (?, 'wonka', 'Moved', ?, ?, ARRAY['day'], 'test')")) {
            s.setLong(1, id);
            s.setString(2, url);
            s.setString(3, secrets.sealReport("wonka", id, "report-hook-secret-0123456789"));
            s.executeUpdate();
        }
        return id;
    }

    long scalar(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
