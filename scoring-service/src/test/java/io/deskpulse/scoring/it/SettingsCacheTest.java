package io.deskpulse.scoring.it;

import static io.deskpulse.scoring.support.SettingsApi.TYRELL_ADMIN;
import static io.deskpulse.scoring.support.SettingsApi.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskpulse.scoring.domain.TenantSettings;
import io.deskpulse.scoring.service.SettingsCache;
import io.deskpulse.scoring.support.ScoringTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The settings of a version, read through the database the first time, as the batch processor will ask. */
@QuarkusTest
@WithTestResource(ScoringTestResources.class)
class SettingsCacheTest {

    @Inject
    SettingsCache cache;

    @Inject
    DataSource dataSource;

    @Test
    void versionZeroIsTheDefaults() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            assertThat(cache.settings(c, "never-configured", 0)).isSameAs(TenantSettings.DEFAULTS);
        }
    }

    @Test
    void aSavedVersionIsItsSettingsEveryTime() throws Exception {
        int version = put(TYRELL_ADMIN, "{\"time_zone\": \"Europe/Vienna\", \"qa_pass_mark\": 33.5,"
                + " \"business_hours\": {\"weekly\": {\"friday\": [\"08:00-12:00\"]}}}")
                .then().statusCode(200).extract().path("version");

        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            TenantSettings settings = cache.settings(c, "tyrell", version);
            assertThat(settings.timeZone()).isEqualTo(ZoneId.of("Europe/Vienna"));
            assertThat(settings.qaPassMark()).isEqualTo(33.5);
            assertThat(settings.businessHours().weekly()).hasSize(1);
            assertThat(cache.settings(c, "tyrell", version)).as("from memory").isSameAs(settings);
            c.commit();
        }
    }

    @Test
    void aVersionThatDoesNotExistIsAnError() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            assertThatThrownBy(() -> cache.settings(c, "tyrell", 1_000_000)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no settings version 1000000");
        }
    }
}
