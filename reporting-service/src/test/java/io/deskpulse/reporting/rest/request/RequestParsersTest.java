package io.deskpulse.reporting.rest.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskpulse.reporting.config.ReportingConfig;
import io.deskpulse.reporting.support.DefaultLimits;
import io.deskpulse.reporting.domain.InvalidParametersException;
import io.deskpulse.reporting.domain.ParameterError;
import io.deskpulse.reporting.domain.TenantReporting;
import io.deskpulse.reporting.domain.alert.AlertQuery;
import io.deskpulse.reporting.domain.kpi.Dimension;
import io.deskpulse.reporting.domain.kpi.Granularity;
import io.deskpulse.reporting.domain.kpi.KpiQuery;
import io.deskpulse.reporting.domain.kpi.MetricCatalog;
import io.deskpulse.reporting.domain.kpi.PageKey;
import io.deskpulse.reporting.domain.report.UnknownReportException;
import io.deskpulse.reporting.domain.ticket.TicketQuery;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The request parsers on their own, without Quarkus or a database: defaults, every error at once, cursors. */
class RequestParsersTest {

    /** 03:00 UTC: still the day before in New York. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-10T03:00:00Z"), ZoneOffset.UTC);
    private static final ReportingConfig CONFIG = new DefaultLimits();
    private static final TenantReporting NEW_YORK = new TenantReporting(2, "America/New_York", "America/New_York");

    private final KpiRequestParser kpis = new KpiRequestParser(CONFIG, CLOCK);

    @Test
    void aKpiRequestWithoutParametersIsTheTenantsLastSevenDaysInItsZone() {
        ParsedRequest<KpiQuery> request = kpis.parse("t", NEW_YORK, params());
        KpiQuery q = request.query();
        assertThat(request.format()).isNull();
        assertThat(q.dimension()).isEqualTo(Dimension.TENANT);
        assertThat(q.granularity()).isEqualTo(Granularity.DAY);
        assertThat(q.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(q.from()).isEqualTo(LocalDate.parse("2026-11-03"));
        assertThat(q.to()).isEqualTo(LocalDate.parse("2026-11-09"));
        assertThat(q.generation()).isEqualTo(2);
        assertThat(q.daily()).isTrue();
        assertThat(q.metrics()).isEqualTo(MetricCatalog.METRICS);
        assertThat(q.limit()).isEqualTo(1000);
    }

    @Test
    void anotherZoneThanTheDailyRowsReadsTheHoursAndFormatChoosesTheRepresentation() {
        ParsedRequest<KpiQuery> request = kpis.parse("t", NEW_YORK, params("tz", "utc", "format", "CSV",
                "metrics", "csat_avg, nps,csat_avg", "dimension", "agent", "id", "a-1", "id", "a-2"));
        assertThat(request.format()).isEqualTo(Representation.CSV);
        assertThat(request.query().zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(request.query().daily()).isFalse();
        assertThat(request.query().to()).isEqualTo(LocalDate.parse("2026-11-10"));
        assertThat(request.query().ids()).containsExactly("a-1", "a-2");
        assertThat(request.query().metrics()).extracting(m -> m.name()).containsExactly("csat_avg", "nps");
    }

    @Test
    void everyBadParameterIsListedInTheDocumentedOrderUnknownOnesLast() {
        assertErrors(() -> kpis.parse("t", NEW_YORK, params("colour", "red", "limit", "0", "metrics", "nope",
                "dimension", "teams", "team", "t-1", "team", "t-2")),
                "dimension", "team", "metrics", "limit", "colour");
    }

    @Test
    void aZoneWhoseOffsetIsNotWholeHoursIsRefusedForTheRange() {
        assertErrors(() -> kpis.parse("t", NEW_YORK, params("tz", "Asia/Kolkata")), "tz");
    }

    @Test
    void aCursorIsOnlyAcceptedByTheQueryItCameFrom() {
        KpiQuery first = kpis.parse("t", NEW_YORK, params("dimension", "agent")).query();
        String cursor = new PageKey(LocalDate.parse("2026-11-04"), "a-1").cursor(first.fingerprint());
        assertThat(kpis.parse("t", NEW_YORK, params("dimension", "agent", "cursor", cursor)).query().after())
                .isEqualTo(new PageKey(LocalDate.parse("2026-11-04"), "a-1"));
        assertErrors(() -> kpis.parse("t", NEW_YORK, params("dimension", "team", "cursor", cursor)), "cursor");
        assertErrors(() -> kpis.parse("other", NEW_YORK, params("dimension", "agent", "cursor", cursor)), "cursor");
    }

    @Test
    void ticketsTakeStatusesInAnyCaseAndRefuseAnUnorderedRange() {
        TicketRequestParser tickets = new TicketRequestParser(CONFIG);
        TicketQuery q = tickets.parse("t", TenantReporting.DEFAULTS, params("status", "ON_HOLD",
                "updated_since", "2026-11-01T00:00:00%2B01:00".replace("%2B", "+"))).query();
        assertThat(q.status()).isEqualTo("on_hold");
        assertThat(q.export()).isTrue();
        assertThat(q.updatedSince()).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
        assertErrors(() -> tickets.parse("t", TenantReporting.DEFAULTS, params("from", "2026-11-05", "to", "2026-11-01",
                "channel", "fax")), "from", "channel");
    }

    @Test
    void alertsTakeRuleIdsOnlyAndAtMostAHundred() {
        AlertRequestParser alerts = new AlertRequestParser(CONFIG);
        AlertQuery q = alerts.parse("t", params("rule", "3", "rule", "12", "state", "raised")).query();
        assertThat(q.rules()).containsExactly(3L, 12L);
        assertThat(q.state()).isEqualTo("raised");
        assertErrors(() -> alerts.parse("t", params("rule", "three")), "rule");
        String[] many = new String[2 * (AlertRequestParser.MAX_RULES + 1)];
        for (int i = 0; i < many.length; i += 2) {
            many[i] = "rule";
            many[i + 1] = Integer.toString(i);
        }
        assertErrors(() -> alerts.parse("t", params(many)), "rule");
    }

    @Test
    void aReportIdThatCannotBeOneIsAReportTheTenantDoesNotHave() {
        PeriodReportRequestParser reports = new PeriodReportRequestParser(CONFIG);
        assertThat(reports.report("t", "12", params()).query().report()).isEqualTo(12);
        assertThatThrownBy(() -> reports.report("t", "abc", params())).isInstanceOf(UnknownReportException.class)
                .hasMessage("There is no period report abc (GET /v1/reports lists them)");
        assertErrors(() -> reports.list("t", params("granularity", "quarter")), "granularity");
    }

    private static void assertErrors(ThrowingCallable parse, String... fields) {
        assertThatThrownBy(parse).isInstanceOfSatisfying(InvalidParametersException.class, e ->
                assertThat(e.errors()).extracting(ParameterError::field).containsExactly(fields));
    }

    private static MultivaluedMap<String, String> params(String... nameValue) {
        MultivaluedMap<String, String> params = new MultivaluedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            params.add(nameValue[i], nameValue[i + 1]);
        }
        return params;
    }
}
