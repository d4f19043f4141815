package io.deskpulse.reporting.rest;

import io.deskpulse.reporting.domain.Exemption;
import io.deskpulse.reporting.domain.Scorecard;
import io.deskpulse.reporting.domain.ScorecardLine;
import io.deskpulse.reporting.service.ScorecardPage;
import io.deskpulse.reporting.service.ScorecardRow;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Scorecards as one flat CSV table for BI tools: one record per member, period and KPI of the model (used or
 * left out), the member's score repeated on each, in the same RFC 4180 form as the KPI reports.
 */
public final class ScorecardCsv {

    static final String HEADER = "period,id,role,model_version,score,kpi,channel,group,direction,status,target,"
            + "effective_target,actual,volume,weight,effective_weight,attainment,points,exemptions,note";
    private static final String CRLF = "\r\n";

    private ScorecardCsv() {
    }

    public static byte[] write(ScorecardPage page) {
        StringBuilder csv = new StringBuilder(HEADER).append(CRLF);
        for (ScorecardRow row : page.rows()) {
            append(csv, row.period() + "," + CsvReportWriter.field(row.id()), row.scorecard());
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The records of one scorecard, each starting with {@code prefix} (already CSV fields). */
    static void append(StringBuilder csv, String prefix, Scorecard card) {
        for (ScorecardLine line : card.lines()) {
            csv.append(prefix).append(',').append(CsvReportWriter.field(card.role())).append(',')
                    .append(card.modelVersion()).append(',').append(CsvReportWriter.number(card.score())).append(',')
                    .append(line.kpi().metric()).append(',').append(nullable(line.kpi().channel())).append(',')
                    .append(nullable(line.kpi().group())).append(',').append(line.kpi().direction()).append(',')
                    .append(line.status()).append(',').append(CsvReportWriter.number(line.kpi().target())).append(',')
                    .append(CsvReportWriter.number(line.effectiveTarget())).append(',')
                    .append(CsvReportWriter.number(line.actual())).append(',').append(line.volume()).append(',')
                    .append(CsvReportWriter.number(line.kpi().weight())).append(',')
                    .append(CsvReportWriter.number(line.effectiveWeight())).append(',')
                    .append(CsvReportWriter.number(line.attainment())).append(',')
                    .append(CsvReportWriter.number(line.points())).append(',')
                    .append(line.exemptions().stream().map(e -> String.valueOf(e.id())).collect(Collectors.joining(";")))
                    .append(',').append(nullable(note(line))).append(CRLF);
        }
    }

    /** Why a KPI was left out, or how exemptions changed it, in words. */
    static String note(ScorecardLine line) {
        if (!line.used()) {
            return line.reason();
        }
        List<Exemption> exemptions = line.exemptions();
        if (exemptions.isEmpty()) {
            return null;
        }
        return exemptions.stream().map(e -> (e.leftOut().contains(line.kpi().metric())
                        ? "contributions left out by exemption " : "target relaxed by exemption ") + e.id() + " ("
                        + e.reason() + ")")
                .collect(Collectors.joining("; "));
    }

    private static String nullable(String text) {
        return text == null ? "" : CsvReportWriter.field(text);
    }
}
