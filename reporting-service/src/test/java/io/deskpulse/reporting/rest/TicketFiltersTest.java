package io.deskpulse.reporting.rest;

import static io.deskpulse.reporting.support.TicketFactRows.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.reporting.support.Api;
import io.deskpulse.reporting.support.ReportingTestDatabase;
import io.deskpulse.reporting.support.TestData;
import io.deskpulse.reporting.support.TestTenant;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The drill-down filters of GET /v1/tickets: each alone, combined, in CSV and in an export, and every bad value a
 * problem naming the parameter. Who solved a ticket and whether its first response met the target come from the
 * contribution rows of the tenant's active generation, as scoring writes them.
 */
@QuarkusTest
@WithTestResource(ReportingTestDatabase.class)
class TicketFiltersTest {

    private static final String TENANT = TestTenant.TICKET_FILTERS.id();
    private static final String KEY = TestTenant.TICKET_FILTERS.readKey();

    @BeforeAll
    static void data() {
        TestData.reset(TestTenant.TICKET_FILTERS);
        // T-1: answered by a-1 in 95 s (target met), solved by a-2, reopened, solved again by a-3; CSAT 2
        ticket(TENANT, "T-1").created("2026-11-02T09:00:00Z").set("status", "solved").set("first_responder_id", "a-1")
                .set("first_response_at", "2026-11-02T09:01:35Z").set("first_response_ms", 95_000L)
                .set("first_solved_at", "2026-11-02T10:00:00Z").set("resolutions", 2).set("reopens", 1)
                .set("csat_score", (short) 2).set("fcr", false).insert();
        // T-2: answered by a-2 in 2 h (target missed), solved by a-2 on first contact; CSAT 5
        ticket(TENANT, "T-2").created("2026-11-02T11:00:00Z").set("status", "closed").set("first_responder_id", "a-2")
                .set("first_response_at", "2026-11-02T13:00:00Z").set("first_response_ms", 7_200_000L)
                .set("first_solved_at", "2026-11-02T13:10:00Z").set("resolutions", 1).set("csat_score", (short) 5)
                .set("fcr", true).insert();
        // T-3: answered by a-1 in exactly an hour (missed), still open, CSAT 1
        ticket(TENANT, "T-3").created("2026-11-03T08:00:00Z").set("status", "open").set("first_responder_id", "a-1")
                .set("first_response_at", "2026-11-03T09:00:00Z").set("first_response_ms", 3_600_000L)
                .set("csat_score", (short) 1).insert();
        // T-4: nothing yet
        ticket(TENANT, "T-4").created("2026-11-04T08:00:00Z").set("status", "new").insert();
        execute("""
                INSERT INTO kpi_contributions (tenant_id, generation, item_type, item_id, at, team_id, agent_id, channel,
                    kind, parts, n) VALUES
                ('ticket-filters', 0, 'ticket', 'T-1', '2026-11-02T09:01:35Z', 't-1', 'a-1', 'email', 'first_response',
                    '{"first_response_count":1,"first_response_sla_met":1}', 1),
                ('ticket-filters', 0, 'ticket', 'T-1', '2026-11-02T10:00:00Z', 't-1', 'a-2', 'email', 'solve',
                    '{"tickets_resolved":1}', 1),
                ('ticket-filters', 0, 'ticket', 'T-1', '2026-11-05T10:00:00Z', 't-1', 'a-3', 'email', 'solve',
                    '{"tickets_resolved":1}', 1),
                ('ticket-filters', 0, 'ticket', 'T-2', '2026-11-02T13:00:00Z', 't-1', 'a-2', 'email', 'first_response',
                    '{"first_response_count":1}', 1),
                ('ticket-filters', 0, 'ticket', 'T-2', '2026-11-02T13:10:00Z', 't-1', 'a-2', 'email', 'solve',
                    '{"tickets_resolved":1}', 1),
                ('ticket-filters', 0, 'ticket', 'T-3', '2026-11-03T09:00:00Z', 't-1', 'a-1', 'email', 'first_response',
                    '{"first_response_count":1}', 1),
                -- a retired generation's rows never count
                ('ticket-filters', 7, 'ticket', 'T-4', '2026-11-04T09:00:00Z', 't-1', 'a-9', 'email', 'solve',
                    '{"tickets_resolved":1}', 1)""");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "first_responder=a-1                 | T-1 T-3",
        "first_responder=a-9                 | ''",
        "solver=a-2                          | T-1 T-2",
        "solver=a-3                          | T-1",
        "solver=a-9                          | ''",
        "min_first_response_s=3600           | T-2 T-3",
        "min_first_response_s=3600.001       | T-2",
        "min_first_response_s=0              | T-1 T-2 T-3",
        "max_csat=2                          | T-1 T-3",
        "max_csat=5                          | T-1 T-2 T-3",
        "sla_breached=true                   | T-2 T-3",
        "sla_breached=FALSE                  | T-1",
        "reopened=true                       | T-1",
        "reopened=false                      | T-2 T-3 T-4",
        "fcr=true                            | T-2",
        "fcr=false                           | T-1",
        "first_responder=a-1&max_csat=1      | T-3",
        "solver=a-2&sla_breached=true&fcr=true | T-2",
        "solver=a-2&reopened=false&min_first_response_s=60 | T-2",
        "first_responder=a-1&sla_breached=true&reopened=true | ''",
    })
    void eachFilterAloneAndCombined(String query, String expected) {
        assertThat(ids(query)).containsExactlyElementsOf(expected.isEmpty() ? List.of() : Arrays.asList(expected.split(" ")));
    }

    @Test
    void csvAndExportsFilterTheSame() {
        Response csv = Api.as(KEY).get("/v1/tickets?solver=a-2&format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        String[] lines = csv.asString().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).startsWith("T-1,");
        assertThat(lines[2]).startsWith("T-2,");
        assertThat(ids("sla_breached=true&updated_since=2000-01-01T00:00:00Z")).containsExactlyInAnyOrder("T-2", "T-3");
    }

    @Test
    void aCursorOfOtherFiltersIsRefused() {
        Map<String, Object> page = Api.parse(Api.as(KEY).get("/v1/tickets?max_csat=5&limit=1").asString());
        Response other = Api.as(KEY).get("/v1/tickets?max_csat=4&limit=1&cursor=" + page.get("next_cursor"));
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(other.asString()).contains("\"field\":\"cursor\"");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "first_responder=                    | first_responder      | 1 to 128 characters",
        "solver=                             | solver               | 1 to 128 characters",
        "min_first_response_s=-1             | min_first_response_s | from 0",
        "min_first_response_s=1.0005         | min_first_response_s | at most 3 decimals",
        "min_first_response_s=soon           | min_first_response_s | number of seconds",
        "max_csat=0                          | max_csat             | from 1 to 5",
        "max_csat=6                          | max_csat             | from 1 to 5",
        "max_csat=low                        | max_csat             | from 1 to 5",
        "sla_breached=yes                    | sla_breached         | must be one of: true, false",
        "reopened=1                          | reopened             | must be one of: true, false",
        "fcr=maybe                           | fcr                  | must be one of: true, false",
        "fcr=true&fcr=false                  | fcr                  | at most once",
    })
    void eachBadValueIsAProblemNamingTheParameter(String query, String field, String reason) {
        Api.assertOneInvalidParameter(Api.as(KEY).get("/v1/tickets?" + query), field, reason);
    }

    @Test
    void everyBadFilterAtOnceInTheDocumentedOrder() {
        Response response = Api.as(KEY).get("/v1/tickets?fcr=x&reopened=x&sla_breached=x&max_csat=x"
                + "&min_first_response_s=x&solver=&first_responder=");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) Api.parse(response.asString()).get("errors");
        assertThat(errors).extracting(e -> e.get("field")).containsExactly("first_responder", "solver",
                "min_first_response_s", "max_csat", "sla_breached", "reopened", "fcr");
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(String query) {
        Response response = Api.as(KEY).get("/v1/tickets?" + query);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return ((List<Map<String, Object>>) Api.parse(response.asString()).get("rows")).stream()
                .map(r -> (String) r.get("ticket_id")).toList();
    }

    private static void execute(String sql) {
        try (Connection c = TestData.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
