package io.deskpulse.reporting.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.reporting.support.Api;
import io.deskpulse.reporting.support.ReportingTestDatabase;
import io.deskpulse.reporting.support.TestTenant;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every bad parameter gives a 400 invalid-parameters problem naming it; several at once are all listed. */
@QuarkusTest
@WithTestResource(ReportingTestDatabase.class)
class KpiValidationTest {

    // This class's own tenant (TestTenant): it writes, reads and deletes only its rows.
    private static final String KEY = TestTenant.KPI_VALIDATION.readKey();

    @Test
    void threeBadParametersAreThreeErrors() {
        assertThat(errorFields("dimension=teams&from=2026-13-01&tz=Mars/Olympus"))
                .containsExactly("dimension", "from", "tz");
    }

    @Test
    void everyBadParameterAtOnce() {
        assertThat(errorFields("dimension=tenant&id=a-1&team=t-1&channel=fax&from=2026-11-05&to=2026-11-01"
                + "&granularity=year&tz=Asia/Kolkata&metrics=tickets_created,nps_score&limit=0&cursor=xx&format=xml&colour=red"))
                .containsExactly("id", "team", "channel", "from", "granularity", "tz", "metrics", "limit",
                        "cursor", "format", "colour");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "dimension=teams                               | dimension | must be one of: tenant, team, agent",
        "from=2026-02-30                               | from      | must be a date YYYY-MM-DD",
        "to=yesterday                                  | to        | must be a date YYYY-MM-DD",
        "from=2026-11-05&to=2026-11-01                 | from      | must not be after to",
        "from=2010-01-01&to=2026-11-01                 | to        | at most 3660",
        "granularity=hour                              | granularity | must be one of: day, week, month, total",
        "tz=Mars/Olympus                               | tz        | IANA time zone",
        "tz=%2B05:00                                   | tz        | IANA time zone",
        "tz=Asia/Kathmandu&from=2026-11-01&to=2026-11-01 | tz      | +05:45",
        "metrics=tickets_created,nps_score,aht         | metrics   | unknown metric 'nps_score', 'aht'",
        "metrics=,                                     | metrics   | at least one metric",
        "limit=0                                       | limit     | from 1 to 10000",
        "limit=10001                                   | limit     | from 1 to 10000",
        "limit=ten                                     | limit     | from 1 to 10000",
        "id=a-1                                        | id        | only allowed with dimension=team, dimension=agent or dimension=queue",
        "dimension=team&id=                            | id        | 1 to 128 characters",
        "dimension=team&team=t-1                       | team      | only allowed with dimension=agent",
        "dimension=agent&team=                         | team      | 1 to 128 characters",
        "channel=fax                                   | channel   | must be one of: email, chat, phone, web, social, messaging, other",
        "cursor=!!                                     | cursor    | not a cursor",
        "format=xml                                    | format    | must be one of: json, csv",
        "dimension=team&dimension=agent                | dimension | at most once",
        "tenant=tenant-b                               | tenant    | not a parameter of this endpoint",
    })
    void eachBadParameter(String query, String field, String reason) {
        Response response = Api.as(KEY).get("/v1/kpis?" + query);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        Map<String, Object> problem = Api.parse(response.asString());
        assertThat(problem).containsEntry("type", "https://deskpulse.io/problems/invalid-parameters")
                .containsEntry("title", "Invalid parameters").containsEntry("status", 400);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) problem.get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).containsEntry("field", field);
        assertThat((String) errors.get(0).get("reason")).contains(reason);
    }

    @Test
    void hugeValuesAreNotEchoedWhole() {
        String huge = "x".repeat(2000);
        Response response = Api.as(KEY).get("/v1/kpis?dimension=" + huge);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.asString().length()).isLessThan(600);
    }

    @Test
    void nulCharacterIsABadIdNotAServerError() {
        Api.as(KEY).get("/v1/kpis?dimension=agent&id=a%00b").then().statusCode(400);
    }

    @SuppressWarnings("unchecked")
    private static List<String> errorFields(String query) {
        Response response = Api.as(KEY).get("/v1/kpis?" + query);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
        List<Map<String, Object>> errors = (List<Map<String, Object>>) Api.parse(response.asString()).get("errors");
        assertThat(Api.parse(response.asString()).get("detail")).isEqualTo(errors.size() + " parameters are invalid");
        return errors.stream().map(e -> (String) e.get("field")).toList();
    }
}
