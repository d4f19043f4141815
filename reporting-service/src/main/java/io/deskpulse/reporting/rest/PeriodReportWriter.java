package io.deskpulse.reporting.rest;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskpulse.reporting.domain.Exemption;
import io.deskpulse.reporting.service.Dimension;
import io.deskpulse.reporting.service.Granularity;
import io.deskpulse.reporting.service.KpiQuery;
import io.deskpulse.reporting.service.MetricCatalog;
import io.deskpulse.reporting.service.PeriodReport;
import io.deskpulse.reporting.service.PeriodReportService;
import io.deskpulse.reporting.service.ScorecardPage;
import io.deskpulse.reporting.service.ScorecardRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;

/** Period reports as JSON or CSV: the list, a report's teams (KPIs and scorecards), and its scorecards alone. */
@ApplicationScoped
public class PeriodReportWriter {

    static final String LIST_HEADER = "id,granularity,period,period_end,tz,generation,model_version,teams,created_at";
    static final String DETAIL_HEADER = "report_id,granularity,period,period_end,tz,id,role,model_version,score,"
            + String.join(",", MetricCatalog.names());
    private static final String CRLF = "\r\n";

    private final ObjectMapper mapper;

    public PeriodReportWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public byte[] listJson(PeriodReportService.ListPage page) {
        return json(json -> {
            json.writeArrayFieldStart("rows");
            for (PeriodReport report : page.reports()) {
                json.writeStartObject();
                header(json, report);
                json.writeNumberField("teams", report.teams());
                json.writeStringField("created_at", report.createdAt().toString());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeStringField("next_cursor", page.nextCursor());
        });
    }

    public static byte[] listCsv(PeriodReportService.ListPage page) {
        StringBuilder csv = new StringBuilder(LIST_HEADER).append(CRLF);
        for (PeriodReport r : page.reports()) {
            csv.append(r.id()).append(',').append(r.granularity()).append(',').append(r.periodStart()).append(',')
                    .append(r.periodEnd()).append(',').append(CsvReportWriter.field(r.timeZone())).append(',')
                    .append(r.generation()).append(',').append(r.modelVersion()).append(',').append(r.teams()).append(',')
                    .append(r.createdAt()).append(CRLF);
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] detailJson(PeriodReportService.Detail detail) {
        return json(json -> {
            header(json, detail.report());
            json.writeStringField("created_at", detail.report().createdAt().toString());
            json.writeArrayFieldStart("exemptions");
            for (Exemption exemption : detail.exemptions()) {
                ScorecardJson.writeExemption(json, exemption);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("teams");
            for (PeriodReportService.Team team : detail.teams()) {
                json.writeStartObject();
                json.writeStringField("id", team.team());
                json.writeObjectFieldStart("kpis");
                for (int i = 0; i < MetricCatalog.METRICS.size(); i++) {
                    json.writeFieldName(MetricCatalog.METRICS.get(i).name());
                    json.writeObject(team.kpis().get(i));
                }
                json.writeEndObject();
                if (team.scorecard() == null) {
                    json.writeNullField("scorecard");
                } else {
                    json.writeObjectFieldStart("scorecard");
                    ScorecardJson.writeScorecard(json, team.scorecard());
                    json.writeEndObject();
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeStringField("next_cursor", detail.nextCursor());
        });
    }

    public static byte[] detailCsv(PeriodReportService.Detail detail) {
        PeriodReport r = detail.report();
        StringBuilder csv = new StringBuilder(DETAIL_HEADER).append(CRLF);
        for (PeriodReportService.Team team : detail.teams()) {
            csv.append(r.id()).append(',').append(r.granularity()).append(',').append(r.periodStart()).append(',')
                    .append(r.periodEnd()).append(',').append(CsvReportWriter.field(r.timeZone())).append(',')
                    .append(team.team() == null ? "" : CsvReportWriter.field(team.team())).append(',');
            if (team.scorecard() == null) {
                csv.append(",,");
            } else {
                csv.append(CsvReportWriter.field(team.scorecard().role())).append(',')
                        .append(team.scorecard().modelVersion()).append(',')
                        .append(CsvReportWriter.number(team.scorecard().score()));
            }
            for (Object value : team.kpis()) {
                csv.append(',').append(CsvReportWriter.number(value));
            }
            csv.append(CRLF);
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The report's scorecards in the shape of GET /v1/scorecards (teams, the report's period and zone). */
    public static ScorecardPage scorecards(String tenant, PeriodReportService.Detail detail) {
        PeriodReport r = detail.report();
        KpiQuery query = new KpiQuery(tenant, r.generation(), Dimension.TEAM, List.of(), null, null, r.periodStart(),
                r.periodEnd(), Granularity.parse(r.granularity()).orElseThrow(), ZoneId.of(r.timeZone()), false, List.of(),
                detail.teams().size(), null);
        List<ScorecardRow> rows = detail.teams().stream().filter(t -> t.scorecard() != null)
                .map(t -> new ScorecardRow(r.periodStart(), t.team(), t.scorecard())).toList();
        return new ScorecardPage(query, rows, detail.nextCursor());
    }

    private static void header(JsonGenerator json, PeriodReport report) throws IOException {
        json.writeNumberField("id", report.id());
        json.writeStringField("granularity", report.granularity());
        json.writeStringField("period", report.periodStart().toString());
        json.writeStringField("period_end", report.periodEnd().toString());
        json.writeStringField("tz", report.timeZone());
        json.writeNumberField("generation", report.generation());
        json.writeNumberField("model_version", report.modelVersion());
    }

    private byte[] json(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            body.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator json) throws IOException;
    }
}
