package io.deskpulse.reporting.rest;

import static io.deskpulse.reporting.support.TicketFactRows.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskpulse.reporting.support.Api;
import io.deskpulse.reporting.support.ReportingTestDatabase;
import io.deskpulse.reporting.support.TestData;
import io.deskpulse.reporting.support.TestTenant;
import io.deskpulse.reporting.support.TicketFactRows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Incremental export (updated_since, then the resume cursor) while writers keep writing: a row whose
 * transaction commits late, with an earlier updated_at than rows already committed, is neither skipped
 * nor served twice; a changed ticket comes again with its new state. Other sessions on the same server
 * can only hold the export back (their transactions lower the horizon), so progress is awaited.
 */
@QuarkusTest
@WithTestResource(ReportingTestDatabase.class)
class TicketExportTest {

    // This class's own tenant (TestTenant): it writes, reads and deletes only its rows.
    private static final String TENANT = TestTenant.TICKET_EXPORT.id();
    private static final String KEY = TestTenant.TICKET_EXPORT.readKey();

    private static final String SINCE = "updated_since=2000-01-01T00:00:00Z";

    /** Every (ticket_id, status) served so far, in order, and where to continue. */
    private final List<String> served = new ArrayList<>();
    private String resume;

    @BeforeEach
    void clean() {
        TestData.reset(TestTenant.TICKET_EXPORT);
    }

    /** One poll: every page from the resume position (limit 1, following next_cursor), then the new resume cursor. */
    @SuppressWarnings("unchecked")
    private void poll() {
        String cursor = resume;
        while (true) {
            Response response = Api.as(KEY).get("/v1/tickets?limit=1&" + SINCE + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
            Map<String, Object> page = Api.parse(response.asString());
            ((List<Map<String, Object>>) page.get("rows")).forEach(r -> served.add(r.get("ticket_id") + ":" + r.get("status")));
            assertThat(page.get("resume_cursor")).isNotNull().isEqualTo(response.header("DeskPulse-Resume-Cursor"));
            resume = (String) page.get("resume_cursor");
            cursor = (String) page.get("next_cursor");
            if (cursor == null) {
                return;
            }
            assertThat(cursor).isEqualTo(resume);
        }
    }

    @Test
    void aWriterCommittingLateIsNeitherSkippedNorRepeated() throws Exception {
        ticket(TENANT, "T-1").set("status", "open").insert();
        ticket(TENANT, "T-2").set("status", "open").insert();
        try (Connection late = TicketFactRows.connect()) {
            late.setAutoCommit(false);
            ticket(TENANT, "T-3").set("status", "open").insert(late); // its updated_at: this transaction's start
            ticket(TENANT, "T-4").set("status", "open").insert(); // committed while T-3's writer is open

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                poll();
                assertThat(served).containsExactly("T-1:open", "T-2:open");
            });
            // polling again while the writer is still open serves nothing new: T-4 waits behind T-3
            poll();
            assertThat(served).containsExactly("T-1:open", "T-2:open");
            late.commit();
        }
        assertThat(updatedAt("T-3")).isBefore(updatedAt("T-4")); // paging by updated_at would skip T-3 now

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            poll();
            assertThat(served).containsExactly("T-1:open", "T-2:open", "T-3:open", "T-4:open");
        });

        // a change brings the ticket again, with its new state; nothing else repeats
        ticket(TENANT, "T-1").set("status", "solved").insert();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            poll();
            assertThat(served).containsExactly("T-1:open", "T-2:open", "T-3:open", "T-4:open", "T-1:solved");
        });
        poll();
        assertThat(served).hasSize(5);
        // nothing changed: a poller's If-None-Match holds, whatever other databases and sessions do meanwhile
        String again = "/v1/tickets?limit=1&" + SINCE + "&cursor=" + resume;
        String etag = Api.as(KEY).get(again).then().statusCode(200).extract().header("ETag");
        Api.as(KEY).header("If-None-Match", etag).get(again).then().statusCode(304);
    }

    @Test
    void aForgedPositionIsRefused() {
        String fingerprint = new io.deskpulse.reporting.domain.ticket.TicketQuery(TENANT, java.time.ZoneId.of("UTC"), null,
                null, null, null, null, null, null, Instant.parse("2000-01-01T00:00:00Z"), 1, null, null,
                io.deskpulse.reporting.domain.ticket.TicketFilters.none(0)).fingerprint();
        for (List<String> key : List.of(List.of("x", "1", "-5", ""), List.of("x", "a", "1", ""),
                List.of("l", "", "", "T-1"))) {
            Api.as(KEY).get("/v1/tickets?limit=1&" + SINCE + "&cursor="
                    + io.deskpulse.reporting.domain.Cursors.encode(fingerprint, key)).then().statusCode(400)
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo("cursor"));
        }
    }

    @Test
    void updatedSinceSelectsTheFirstExportAndLaterWritesAlwaysCome() throws Exception {
        ticket(TENANT, "T-old").set("status", "open").insert();
        Instant cut = databaseNow();
        ticket(TENANT, "T-new").set("status", "open").insert();
        String since = "updated_since=" + cut;
        List<String> first = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Object> page = Api.parse(Api.as(KEY).get("/v1/tickets?" + since).then().statusCode(200)
                    .extract().asString());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rows = (List<Map<String, Object>>) page.get("rows");
            first.clear();
            rows.forEach(r -> first.add((String) r.get("ticket_id")));
            resume = (String) page.get("resume_cursor");
            assertThat(first).containsExactly("T-new");
        });
        assertThat(first).doesNotContain("T-old");
        // T-old changes: it is exported after all
        ticket(TENANT, "T-old").set("status", "pending").insert();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Object> page = Api.parse(Api.as(KEY).get("/v1/tickets?" + since + "&cursor=" + resume)
                    .then().statusCode(200).extract().asString());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rows = (List<Map<String, Object>>) page.get("rows");
            assertThat(rows).extracting(r -> r.get("ticket_id") + ":" + r.get("status")).containsExactly("T-old:pending");
        });
    }

    @Test
    void aResumeCursorBelongsToItsExport() {
        resume = (String) Api.parse(Api.as(KEY).get("/v1/tickets?" + SINCE).then().statusCode(200).extract()
                .asString()).get("resume_cursor");
        Api.as(KEY).get("/v1/tickets?updated_since=2001-01-01T00:00:00Z&cursor=" + resume).then().statusCode(400);
        Api.as(KEY).get("/v1/tickets?cursor=" + resume).then().statusCode(400);
        Api.as(KEY).get("/v1/tickets?" + SINCE + "&cursor=" + resume).then().statusCode(200);
    }

    private static Instant updatedAt(String ticket) throws Exception {
        try (Connection c = TicketFactRows.connect(); Statement s = c.createStatement();
             // this class's tenant: other classes' tenants in the same database have tickets T-1.. too
             ResultSet rs = s.executeQuery("SELECT updated_at FROM ticket_facts WHERE tenant_id = '" + TENANT
                     + "' AND ticket_id = '" + ticket + "'")) {
            rs.next();
            return rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
        }
    }

    private static Instant databaseNow() throws Exception {
        try (Connection c = TicketFactRows.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT clock_timestamp()")) {
            rs.next();
            return rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
        }
    }
}
