package io.deskpulse.scoring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskpulse.scoring.config.ScoringConfig;
import io.deskpulse.scoring.config.VacuumMode;
import io.deskpulse.scoring.repository.TableMaintenance;
import io.deskpulse.scoring.support.Aggregates;
import io.deskpulse.scoring.support.ScoringTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The service vacuums its own tables when the server does not: dead rows of a table beyond the threshold go. */
@QuarkusTest
@WithTestResource(ScoringTestResources.class)
class TableMaintenanceTest {

    @Inject
    TableMaintenance maintenance;

    @Inject
    ScoringConfig config;

    @Inject
    DataSource dataSource;

    @Test
    void aTableWithMoreDeadRowsThanTheThresholdIsVacuumed() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("DROP TABLE IF EXISTS maintenance_probe");
            s.execute("CREATE TABLE maintenance_probe (id int PRIMARY KEY, v int) WITH (autovacuum_enabled = false)");
            s.execute("INSERT INTO maintenance_probe SELECT i, 0 FROM generate_series(1, 3000) i");
            s.execute("DELETE FROM maintenance_probe WHERE id > 500");
        }
        Aggregates stats = new Aggregates(dataSource);
        // 2,500 dead rows against a threshold of 1,000 + 2 % of 500
        await().atMost(Duration.ofSeconds(30)).until(() -> stats.scalar(
                "SELECT n_dead_tup FROM pg_stat_user_tables WHERE relname = 'maintenance_probe'") == 2500);

        assertThat(maintenance.vacuumDue(VacuumMode.NEVER)).isEmpty();
        assertThat(maintenance.vacuumDue(VacuumMode.ALWAYS)).contains("maintenance_probe");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(stats.scalar("SELECT count(*) FROM pg_stat_user_tables WHERE relname = 'maintenance_probe'"
                    + " AND last_vacuum IS NOT NULL AND n_dead_tup = 0")).isOne();
        });
        assertThat(maintenance.vacuumDue(VacuumMode.ALWAYS)).doesNotContain("maintenance_probe");
    }

    @Test
    void autoVacuumsOnlyWhereTheServersAutovacuumIsOff() {
        assertThat(config.vacuum()).isEqualTo(VacuumMode.AUTO);
        assertThat(VacuumMode.AUTO.vacuums(false)).isTrue();
        assertThat(VacuumMode.AUTO.vacuums(true)).isFalse();
        assertThat(VacuumMode.ALWAYS.vacuums(true)).isTrue();
        assertThat(VacuumMode.NEVER.vacuums(false)).isFalse();
    }
}
