package io.deskpulse.scoring.it;

import static io.deskpulse.scoring.support.SettingsApi.CYBERDYNE_ADMIN;
import static io.deskpulse.scoring.support.SettingsApi.as;
import static io.deskpulse.scoring.support.SettingsApi.get;
import static io.deskpulse.scoring.support.SettingsApi.json;
import static io.deskpulse.scoring.support.SettingsApi.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.deskpulse.scoring.support.ScoringTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A settings change that can alter past numbers starts a recomputation in the same transaction; one that
 * cannot starts none. The recomputation worker may finish it at any moment, so its final status is not asserted.
 */
@QuarkusTest
@WithTestResource(ScoringTestResources.class)
class SettingsRecomputationTest {

    @Inject
    DataSource dataSource;

    @Test
    void changingTheQaPassMarkStartsARecomputationOfThatVersion() throws Exception {
        put(CYBERDYNE_ADMIN, "{\"qa_pass_mark\": 50, \"complaint_tag\": \"recompute-base\"}").then().statusCode(200);

        JsonPath saved = as(CYBERDYNE_ADMIN).header("X-DeskPulse-Actor", "qa-lead").contentType(ContentType.JSON)
                .body("{\"qa_pass_mark\": 65, \"complaint_tag\": \"recompute-base\"}").put("/v1/settings")
                .then().statusCode(200)
                .body("recomputation.status", is("running"))
                .body("recomputation.id", notNullValue())
                .body("pending_recomputation.status", is("running"))
                .extract().jsonPath();
        int version = saved.getInt("version");
        String id = saved.getString("recomputation.id");
        assertThat(saved.getInt("recomputation.settings_version")).isEqualTo(version);
        assertThat(saved.getString("pending_recomputation.id")).isEqualTo(id);

        Map<String, Object> row = row("SELECT tenant_id, settings_version, reason, requested_by FROM recomputations"
                + " WHERE id = ?", UUID.fromString(id));
        assertThat(row).containsEntry("tenant_id", "cyberdyne").containsEntry("settings_version", version)
                .containsEntry("reason", "settings changed: qa_pass_mark").containsEntry("requested_by", "qa-lead");
        // Building that version, or (the worker was quick) already switched to it.
        Map<String, Object> state = row("SELECT building_settings_version, active_settings_version, recomputation_id"
                + " FROM tenant_state WHERE tenant_id = ?", "cyberdyne");
        assertThat(Arrays.asList(state.get("building_settings_version"), state.get("active_settings_version")))
                .contains(version);
    }

    @Test
    void changingOnlyTheTimeZoneStartsOneForTheDailyRollupsAreInIt() {
        put(CYBERDYNE_ADMIN, "{\"time_zone\": \"UTC\", \"complaint_tag\": \"tz-only\"}").then().statusCode(200);

        var saved = put(CYBERDYNE_ADMIN, "{\"time_zone\": \"Europe/Paris\", \"complaint_tag\": \"tz-only\"}")
                .then().statusCode(200)
                .body("recomputation.status", is("running"))
                .body("time_zone", is("Europe/Paris"))
                .extract();
        int version = saved.path("version");
        assertThat((Integer) saved.path("recomputation.settings_version")).isEqualTo(version);

        get(CYBERDYNE_ADMIN, "/v1/settings/versions").then().body("[0].version", is(version))
                .body("[0].changed_fields", is(List.of("time_zone")));
    }

    @Test
    void changingTheTimeZoneOfHoursThatTakeItStartsOne() {
        String hours = "\"business_hours\": {\"weekly\": {\"monday\": [\"09:00-17:00\"]}}";
        put(CYBERDYNE_ADMIN, "{\"time_zone\": \"UTC\", " + hours + "}").then().statusCode(200);

        int version = put(CYBERDYNE_ADMIN, "{\"time_zone\": \"Asia/Tokyo\", " + hours + "}").then().statusCode(200)
                .body("recomputation.status", is("running"))
                .extract().path("version");

        get(CYBERDYNE_ADMIN, "/v1/settings/versions").then().body("[0].version", is(version))
                .body("[0].changed_fields", is(List.of("time_zone")));
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            ResultSet rs = c.createStatement().executeQuery(sql);
            rs.next();
            return rs.getLong(1);
        }
    }

    private Map<String, Object> row(String sql, Object arg) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            PreparedStatement s = c.prepareStatement(sql);
            s.setObject(1, arg);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("a row for " + arg).isTrue();
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                }
                return row;
            }
        }
    }
}
