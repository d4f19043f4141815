package io.deskpulse.reporting.rest;

import static io.deskpulse.reporting.support.Api.count;
import static io.deskpulse.reporting.support.Api.decimal;
import static io.deskpulse.reporting.support.KpiRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.deskpulse.reporting.domain.kpi.Dimension;
import io.deskpulse.reporting.domain.kpi.Granularity;
import io.deskpulse.reporting.domain.kpi.KpiQuery;
import io.deskpulse.reporting.domain.kpi.KpiReport;
import io.deskpulse.reporting.domain.kpi.MetricCatalog;
import io.deskpulse.reporting.service.KpiService;
import io.deskpulse.reporting.support.Api;
import io.deskpulse.reporting.support.KpiRows;
import io.deskpulse.reporting.support.ReportingTestDatabase;
import io.deskpulse.reporting.support.TestData;
import io.deskpulse.reporting.support.TestTenant;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reports read the tenant's active generation only (tenant_state.active_generation, through the
 * tenant_reporting view): a recomputation's generation in progress and retired ones never show, and
 * a page is read from one snapshot, so a switch never mixes two generations in one answer.
 */
@QuarkusTest
@WithTestResource(ReportingTestDatabase.class)
class KpiGenerationsTest {

    // This class's own tenants (TestTenant): it writes, reads and deletes only their rows.
    private static final String TENANT = TestTenant.KPI_GENERATIONS.id();
    private static final String KEY = TestTenant.KPI_GENERATIONS.readKey();
    private static final String OTHER = TestTenant.KPI_GENERATIONS_OTHER.id();
    private static final String OTHER_KEY = TestTenant.KPI_GENERATIONS_OTHER.readKey();

    private static final String DAY = "from=2026-11-02&to=2026-11-02";
    private static final String AGENTS = "dimension=agent&" + DAY + "&metrics=tickets_created,first_response_p50_s";

    @Inject
    KpiService service;

    @BeforeEach
    void data() {
        TestData.reset(TestTenant.KPI_GENERATIONS, TestTenant.KPI_GENERATIONS_OTHER);
        // generation 0: what scoring wrote first (a first response of 0 s: its percentile is exactly 0)
        row(TENANT, "2026-11-02T09:00:00Z").agent("a-1").created(1).firstResponses(0).insert();
        row(TENANT, "2026-11-02T10:00:00Z").agent("a-2").created(2).insert();
        // generation 1, being built by a recomputation: the same key restated, and an agent only it has
        row(TENANT, "2026-11-02T09:00:00Z").generation(1).agent("a-1").created(10).firstResponses(60_000).insert();
        row(TENANT, "2026-11-02T11:00:00Z").generation(1).agent("a-9").created(20).insert();
        // generation 2: a later, superseded attempt
        row(TENANT, "2026-11-02T09:00:00Z").generation(2).agent("a-1").created(100).insert();
    }

    @Test
    void withoutTenantStateGenerationZeroIsRead() {
        assertThat(agents()).containsExactly(tuple("a-1", 1L, 0.0), tuple("a-2", 2L, null));
        assertThat(count(Api.rows(KEY, DAY).get(0), "tickets_created")).isEqualTo(3);
    }

    @Test
    void aRecomputationInProgressIsInvisibleUntilItIsActivated() {
        KpiRows.activeGeneration(TENANT, 0);
        KpiRows.execute("UPDATE tenant_state SET building_generation = 1 WHERE tenant_id = '" + TENANT + "'");
        assertThat(agents()).containsExactly(tuple("a-1", 1L, 0.0), tuple("a-2", 2L, null));

        KpiRows.execute("UPDATE tenant_state SET active_generation = 1, building_generation = NULL"
                + " WHERE tenant_id = '" + TENANT + "'");
        // only generation 1: a-2 (generation 0 only) is gone, a-9 appears, a-1 and its percentile are restated
        List<Tuple> agents = agents();
        assertThat(agents).extracting(t -> t.toList().get(0)).containsExactly("a-1", "a-9");
        assertThat(agents.get(0).toList().get(1)).isEqualTo(10L);
        assertThat((Double) agents.get(0).toList().get(2)).isCloseTo(60.0, withinPercentage(1));
        assertThat(agents.get(1).toList()).containsExactly("a-9", 20L, null);
        assertThat(count(Api.rows(KEY, DAY).get(0), "tickets_created")).isEqualTo(30);
    }

    @Test
    void anotherTenantsGenerationChangesNothing() {
        KpiRows.activeGeneration(OTHER, 1);
        row(OTHER, "2026-11-02T09:00:00Z").generation(1).agent("b-1").created(5).insert();
        row(OTHER, "2026-11-02T09:00:00Z").agent("b-1").created(50).insert();
        assertThat(agents()).containsExactly(tuple("a-1", 1L, 0.0), tuple("a-2", 2L, null));
        assertThat(Api.rows(OTHER_KEY, "dimension=agent&" + DAY + "&metrics=tickets_created"))
                .extracting(r -> r.get("id"), r -> count(r, "tickets_created")).containsExactly(tuple("b-1", 5L));
    }

    @Test
    void settingsAloneKeepGenerationZero() {
        KpiRows.settings(TENANT, 1, "{\"time_zone\": \"UTC\"}");
        assertThat(agents()).containsExactly(tuple("a-1", 1L, 0.0), tuple("a-2", 2L, null));
    }

    /**
     * A report's queries run in the snapshot opened before them: switching to generation 1 and deleting
     * generation 0 (as retirement will) while a page is being read changes nothing in that page.
     */
    @Test
    void aPageIsReadFromOneSnapshot() {
        KpiRows.activeGeneration(TENANT, 0);
        KpiReport report = service.report(TENANT, state -> {
            // the snapshot has read the tenant's state: now a recomputation completes and generation 0 is retired
            assertThat(state.generation()).isZero();
            KpiRows.execute("UPDATE tenant_state SET active_generation = 1 WHERE tenant_id = '" + TENANT + "'");
            KpiRows.execute("DELETE FROM kpi_hourly WHERE tenant_id = '" + TENANT + "' AND generation = 0");
            return new KpiQuery(TENANT, state.generation(), Dimension.AGENT, List.of(), null,
                    null, LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-02"), Granularity.DAY,
                    ZoneId.of("UTC"), false, List.of(MetricCatalog.find("tickets_created").orElseThrow(),
                            MetricCatalog.find("first_response_p50_s").orElseThrow()), 1, null);
        });
        // groups and (in a second query) histograms both from generation 0
        assertThat(report.rows()).hasSize(1);
        assertThat(report.rows().get(0).id()).isEqualTo("a-1");
        assertThat(report.rows().get(0).values().get(0)).isEqualTo(1L);
        assertThat(report.rows().get(0).values().get(1)).isEqualTo(0.0);
        assertThat(report.nextCursor()).isNotNull();
        // the next request sees generation 1 only
        assertThat(agents()).extracting(t -> t.toList().get(0)).containsExactly("a-1", "a-9");
    }

    private static List<Tuple> agents() {
        List<Map<String, Object>> rows = Api.rows(KEY, AGENTS);
        return rows.stream().map(r -> tuple(r.get("id"), count(r, "tickets_created"), decimal(r, "first_response_p50_s")))
                .toList();
    }
}
