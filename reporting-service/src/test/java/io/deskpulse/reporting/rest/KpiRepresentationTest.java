package io.deskpulse.reporting.rest;

import static io.deskpulse.reporting.support.KpiRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.deskpulse.reporting.support.Api;
import io.deskpulse.reporting.support.ReportingTestDatabase;
import io.deskpulse.reporting.support.TestData;
import io.deskpulse.reporting.support.TestTenant;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CSV text, JSON/CSV negotiation, 406, and ETag / If-None-Match. */
@QuarkusTest
@WithTestResource(ReportingTestDatabase.class)
class KpiRepresentationTest {

    // This class's own tenant (TestTenant): it writes, reads and deletes only its rows.
    private static final String TENANT = TestTenant.KPI_REPRESENTATION.id();
    private static final String KEY = TestTenant.KPI_REPRESENTATION.readKey();

    private static final String URL = "/v1/kpis?dimension=agent&from=2026-11-02&to=2026-11-02"
            + "&metrics=tickets_created,csat_avg,reopen_rate";

    @BeforeEach
    void data() {
        TestData.reset(TestTenant.KPI_REPRESENTATION);
        row(TENANT, "2026-11-02T09:00:00Z").agent("Smith, J.").created(1).csat(5, 4).insert();
        row(TENANT, "2026-11-02T10:00:00Z").agent("").created(2).insert();
        row(TENANT, "2026-11-02T11:00:00Z").agent("a-\"q\"").csat(3).insert();
        // Ids are free text from helpdesks: in CSV this one must not reach a spreadsheet as a formula.
        row(TENANT, "2026-11-02T11:00:00Z").agent("=1+1").created(1).insert();
    }

    @Test
    void csvBodyIsExact() {
        Response response = Api.as(KEY).get(URL + "&format=csv");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/csv");
        assertThat(response.asString()).isEqualTo(
                "period,id,tickets_created,csat_avg,reopen_rate\r\n"
                        + "2026-11-02,,2,,\r\n"
                        + "2026-11-02,'=1+1,1,,\r\n"
                        + "2026-11-02,\"Smith, J.\",1,4.5,\r\n"
                        + "2026-11-02,\"a-\"\"q\"\"\",0,3.0,\r\n");
    }

    @Test
    void jsonBodyIsExact() {
        assertThat(Api.as(KEY).get(URL).asString()).isEqualTo("{\"dimension\":\"agent\",\"granularity\":\"day\","
                + "\"tz\":\"UTC\",\"from\":\"2026-11-02\",\"to\":\"2026-11-02\",\"rows\":["
                + "{\"period\":\"2026-11-02\",\"id\":null,\"tickets_created\":2,\"csat_avg\":null,\"reopen_rate\":null},"
                + "{\"period\":\"2026-11-02\",\"id\":\"=1+1\",\"tickets_created\":1,\"csat_avg\":null,\"reopen_rate\":null},"
                + "{\"period\":\"2026-11-02\",\"id\":\"Smith, J.\",\"tickets_created\":1,\"csat_avg\":4.5,\"reopen_rate\":null},"
                + "{\"period\":\"2026-11-02\",\"id\":\"a-\\\"q\\\"\",\"tickets_created\":0,\"csat_avg\":3.0,\"reopen_rate\":null}],"
                + "\"next_cursor\":null}");
    }

    @Test
    void acceptHeaderChoosesTheRepresentation() {
        Api.as(KEY).accept("text/csv").get(URL).then().statusCode(200).contentType(startsWith("text/csv"))
                .body(startsWith("period,id,"));
        Api.as(KEY).accept("application/json").get(URL).then().statusCode(200).contentType("application/json");
        Api.as(KEY).accept("*/*").get(URL).then().statusCode(200).contentType("application/json");
        Api.as(KEY).accept("text/csv;q=0.4, application/json;q=0.9").get(URL).then().contentType("application/json");
        Api.as(KEY).accept("application/json;q=0.4, text/csv").get(URL).then().contentType(startsWith("text/csv"));
        // format= wins over Accept (for tools that cannot set headers)
        Api.as(KEY).accept("application/json").get(URL + "&format=csv").then().contentType(startsWith("text/csv"));
        Api.as(KEY).accept("text/csv").get(URL + "&format=json").then().contentType("application/json");
    }

    @Test
    void unservableAcceptIs406Problem() {
        Api.as(KEY).accept("application/xml").get(URL).then().statusCode(406)
                .contentType("application/problem+json")
                .body("type", equalTo("https://deskpulse.io/problems/not-acceptable"))
                .body("status", equalTo(406));
    }

    @Test
    void etagAndNotModified() {
        Response first = Api.as(KEY).get(URL);
        String etag = first.header("ETag");
        assertThat(etag).matches("\"[A-Za-z0-9_-]+\"");
        assertThat(first.header("Vary")).isEqualTo("Accept");
        assertThat(Api.as(KEY).get(URL).header("ETag")).isEqualTo(etag);

        Api.as(KEY).header("If-None-Match", etag).get(URL).then().statusCode(304)
                .header("ETag", etag).body(emptyString());
        Api.as(KEY).header("If-None-Match", "\"other\", W/" + etag).get(URL).then().statusCode(304);
        Api.as(KEY).header("If-None-Match", "\"other\"").get(URL).then().statusCode(200).header("ETag", etag);

        String csvTag = Api.as(KEY).get(URL + "&format=csv").header("ETag");
        assertThat(csvTag).isNotEqualTo(etag);

        row(TENANT, "2026-11-02T12:00:00Z").agent("a-9").created(1).insert();
        Response changed = Api.as(KEY).header("If-None-Match", etag).get(URL);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
    }
}
