package io.deskpulse.reporting.rest;

import static io.deskpulse.reporting.support.TicketFactRows.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.deskpulse.reporting.support.Api;
import io.deskpulse.reporting.support.ReportingTestDatabase;
import io.deskpulse.reporting.support.TestData;
import io.deskpulse.reporting.support.TestTenant;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /v1/tickets listing: columns, order, filters, paging, CSV, ETag, errors and tenants. */
@QuarkusTest
@WithTestResource(ReportingTestDatabase.class)
class TicketsTest {

    // This class's own tenants (TestTenant): it writes, reads and deletes only their rows.
    private static final String TENANT = TestTenant.TICKETS.id();
    private static final String KEY = TestTenant.TICKETS.readKey();
    private static final String OTHER = TestTenant.TICKETS_OTHER.id();
    private static final String OTHER_KEY = TestTenant.TICKETS_OTHER.readKey();

    /** The columns, in their stable order (docs/reporting-api.md). */
    private static final List<String> COLUMNS = List.of("ticket_id", "channel", "priority", "status", "created_at",
            "team_id", "agent_id", "first_response_at", "first_response_s", "first_responder_id", "first_solved_at",
            "last_solved_at", "resolutions", "reopens", "transfers", "agent_replies", "csat_score", "fcr", "updated_at",
            "customer_id", "created_team_id", "created_agent_id", "first_response_team_id", "tags");


    @BeforeEach
    void data() {
        TestData.reset(TestTenant.TICKETS, TestTenant.TICKETS_OTHER);
        ticket(TENANT, "T-1").created("2026-11-02T09:00:00Z").set("channel", "email").set("priority", "normal")
                .set("status", "solved").set("team_id", "t-2").set("agent_id", "a-17").set("customer_id", "c-1")
                .set("created_team_id", "t-1").set("created_agent_id", "a-1")
                .set("first_response_at", "2026-11-02T09:01:35Z").set("first_response_ms", 95_000L)
                .set("first_response_team_id", "t-1").set("first_responder_id", "a-1")
                .set("first_solved_at", "2026-11-02T10:00:00Z").set("last_solved_at", "2026-11-03T10:00:00Z")
                .set("resolutions", 2).set("reopens", 1).set("transfers", 1).set("agent_replies", 3)
                .set("csat_score", (short) 2).set("fcr", false).set("tags", List.of("vip", "say \"hi\", ok")).insert();
        // 23:30 UTC on Nov 2 is Nov 3 in Berlin
        ticket(TENANT, "T-2").created("2026-11-02T23:30:00Z").set("channel", "chat").set("status", "open").insert();
        ticket(TENANT, "T-0").created("2026-11-02T09:00:00Z").set("channel", "chat").set("status", "open").insert();
        ticket(TENANT, "T-9").set("status", "solved").insert(); // creation never arrived
        ticket(OTHER, "T-1").created("2026-11-02T09:00:00Z").set("channel", "phone").insert();
    }

    private static List<Map<String, Object>> rows(Map<String, Object> page) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) page.get("rows");
        return rows;
    }

    private static Map<String, Object> get(String key, String query) {
        Response response = Api.as(key).get("/v1/tickets" + (query.isEmpty() ? "" : "?" + query));
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return Api.parse(response.asString());
    }

    @Test
    void aRowHoldsEveryFactInTheDocumentedColumns() {
        Map<String, Object> page = get(KEY, "customer=c-1");
        assertThat(page.keySet()).containsExactly("tz", "from", "to", "updated_since", "rows", "next_cursor",
                "resume_cursor");
        Map<String, Object> row = rows(page).get(0);
        assertThat(row.keySet()).containsExactlyElementsOf(COLUMNS);
        assertThat(row).containsEntry("ticket_id", "T-1").containsEntry("channel", "email")
                .containsEntry("priority", "normal").containsEntry("status", "solved")
                .containsEntry("created_at", "2026-11-02T09:00:00Z").containsEntry("team_id", "t-2")
                .containsEntry("agent_id", "a-17").containsEntry("first_response_at", "2026-11-02T09:01:35Z")
                .containsEntry("first_response_s", 95.0).containsEntry("first_responder_id", "a-1")
                .containsEntry("first_solved_at", "2026-11-02T10:00:00Z")
                .containsEntry("last_solved_at", "2026-11-03T10:00:00Z").containsEntry("resolutions", 2)
                .containsEntry("reopens", 1).containsEntry("transfers", 1).containsEntry("agent_replies", 3)
                .containsEntry("csat_score", 2).containsEntry("fcr", false).containsEntry("customer_id", "c-1")
                .containsEntry("created_team_id", "t-1").containsEntry("created_agent_id", "a-1")
                .containsEntry("first_response_team_id", "t-1")
                .containsEntry("tags", List.of("vip", "say \"hi\", ok"));
        assertThat((String) row.get("updated_at")).endsWith("Z");
        assertThat(page).containsEntry("tz", "UTC").containsEntry("resume_cursor", null).containsEntry("next_cursor", null);
    }

    @Test
    void listedByCreationThenIdUnknownCreationLast() {
        assertThat(rows(get(KEY, ""))).extracting(r -> r.get("ticket_id")).containsExactly("T-0", "T-1", "T-2", "T-9");
    }

    @Test
    void creationDaysAreInTheZone() {
        assertThat(rows(get(KEY, "from=2026-11-02&to=2026-11-02"))).extracting(r -> r.get("ticket_id"))
                .containsExactly("T-0", "T-1", "T-2");
        Map<String, Object> berlin = get(KEY, "from=2026-11-02&to=2026-11-02&tz=Europe/Berlin");
        assertThat(rows(berlin)).extracting(r -> r.get("ticket_id")).containsExactly("T-0", "T-1");
        assertThat(berlin).containsEntry("tz", "Europe/Berlin").containsEntry("from", "2026-11-02");
        assertThat(rows(get(KEY, "from=2026-11-03&tz=Europe/Berlin"))).extracting(r -> r.get("ticket_id"))
                .containsExactly("T-2");
        // Asia/Kolkata is fine here: tickets are instants, not hourly sums
        assertThat(rows(get(KEY, "to=2026-11-02&tz=Asia/Kolkata"))).extracting(r -> r.get("ticket_id"))
                .containsExactly("T-0", "T-1");
    }

    @Test
    void filtersCombine() {
        assertThat(rows(get(KEY, "channel=CHAT&status=open"))).extracting(r -> r.get("ticket_id"))
                .containsExactly("T-0", "T-2");
        assertThat(rows(get(KEY, "team=t-2&agent=a-17"))).extracting(r -> r.get("ticket_id")).containsExactly("T-1");
        assertThat(rows(get(KEY, "status=solved"))).extracting(r -> r.get("ticket_id")).containsExactly("T-1", "T-9");
        assertThat(rows(get(KEY, "team=t-1"))).isEmpty(); // the team now, not at creation
    }

    @Test
    void pagesFollowTheLinkWithoutSkippingOrRepeating() {
        List<String> seen = new ArrayList<>();
        String url = "/v1/tickets?limit=1";
        int pages = 0;
        while (url != null) {
            Response response = Api.as(KEY).get(url);
            assertThat(response.statusCode()).isEqualTo(200);
            Map<String, Object> page = Api.parse(response.asString());
            rows(page).forEach(r -> seen.add((String) r.get("ticket_id")));
            String link = response.header("Link");
            if (page.get("next_cursor") == null) {
                assertThat(link).isNull();
                url = null;
            } else {
                assertThat(link).endsWith("; rel=\"next\"").contains("cursor=" + page.get("next_cursor"));
                url = link.substring(link.indexOf("/v1/"), link.indexOf('>'));
            }
            pages++;
        }
        assertThat(seen).containsExactly("T-0", "T-1", "T-2", "T-9");
        assertThat(pages).isEqualTo(4);
    }

    @Test
    void csvHasTheSameColumnsAndRfc4180Quoting() {
        String csv = Api.as(KEY).get("/v1/tickets?customer=c-1&format=csv").then().statusCode(200)
                .contentType("text/csv; charset=UTF-8; header=present").extract().asString();
        assertThat(csv).isEqualTo(String.join(",", COLUMNS) + "\r\n"
                + "T-1,email,normal,solved,2026-11-02T09:00:00Z,t-2,a-17,2026-11-02T09:01:35Z,95.0,a-1,"
                + "2026-11-02T10:00:00Z,2026-11-03T10:00:00Z,2,1,1,3,2,false," + csvField(csv, 18) + ",c-1,t-1,a-1,t-1,"
                + "\"[\"\"vip\"\",\"\"say \\\"\"hi\\\"\", ok\"\"]\"\r\n");
        String t9 = Api.as(KEY).header("Accept", "text/csv").get("/v1/tickets?status=solved&channel=email")
                .then().statusCode(200).extract().asString();
        assertThat(t9.split("\r\n")).hasSize(2);
    }

    /** The updated_at field of the first record, which the test cannot know in advance. */
    private static String csvField(String csv, int index) {
        String record = csv.split("\r\n")[1];
        return record.split(",")[index];
    }

    @Test
    void etagAnswers304UntilSomethingChanges() {
        Response first = Api.as(KEY).get("/v1/tickets");
        String etag = first.header("ETag");
        assertThat(first.header("Vary")).isEqualTo("Accept");
        Api.as(KEY).header("If-None-Match", etag).get("/v1/tickets").then().statusCode(304)
                .header("ETag", equalTo(etag));
        ticket(TENANT, "T-0").created("2026-11-02T09:00:00Z").set("channel", "chat").set("status", "solved").insert();
        Api.as(KEY).header("If-None-Match", etag).get("/v1/tickets").then().statusCode(200);
    }

    @Test
    void everyBadParameterIsListed() {
        Api.as(KEY).get("/v1/tickets?from=2026-02-30&status=done&limit=0&colour=red&team=&updated_since=yesterday"
                        + "&tz=Mars/Olympus&channel=fax&format=xml")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("from", "tz", "team", "channel", "status", "updated_since",
                        "limit", "format", "colour")));
        Api.as(KEY).get("/v1/tickets?from=2026-11-03&to=2026-11-02&limit=1&limit=2").then().statusCode(400)
                .body("errors.field", equalTo(List.of("from", "limit")));
    }

    @Test
    void aCursorOnlyContinuesItsOwnQuery() {
        String listing = (String) get(KEY, "limit=1").get("next_cursor");
        Api.as(KEY).get("/v1/tickets?limit=1&status=open&cursor=" + listing).then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        Api.as(KEY).get("/v1/tickets?limit=1&cursor=garbage").then().statusCode(400);
        // a listing cursor is not an export position
        Api.as(KEY).get("/v1/tickets?limit=1&updated_since=2026-01-01T00:00:00Z&cursor=" + listing).then()
                .statusCode(400);
        Api.as(OTHER_KEY).get("/v1/tickets?limit=1&cursor=" + listing).then().statusCode(400);
    }

    @Test
    void eachTenantSeesOnlyItsOwnTickets() {
        assertThat(rows(get(OTHER_KEY, ""))).extracting(r -> r.get("ticket_id"), r -> r.get("channel"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("T-1", "phone"));
        assertThat(rows(get(OTHER_KEY, "customer=c-1"))).isEmpty();
        assertThat(rows(get(OTHER_KEY, "updated_since=2000-01-01T00:00:00Z"))).hasSize(1);
    }
}
