package io.deskpulse.reporting.rest;

import io.deskpulse.reporting.domain.scorecard.Exemption;
import io.deskpulse.reporting.domain.scorecard.ModelKpi;
import io.deskpulse.reporting.domain.scorecard.Scorecard;
import io.deskpulse.reporting.domain.scorecard.ScorecardLine;
import io.deskpulse.reporting.domain.scorecard.ScorecardPage;
import io.deskpulse.reporting.domain.scorecard.ScorecardRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Scorecards as a {@link Table}: in JSON one row per member and period with the KPIs used (actual, target, weight,
 * points), the KPIs left out and why, and the exemptions that changed something; in CSV, for BI tools, one flat
 * record per member, period and KPI of the model (used or left out), the member's score repeated on each.
 */
final class ScorecardTables {

    /** The JSON row's fields after period and id; a period report's scorecard holds the same. */
    static final List<String> COLUMNS = List.of("period", "id", "role", "model_version", "score", "kpis", "left_out",
            "exemptions");
    static final String CSV_HEADER = "period,id,role,model_version,score,kpi,channel,group,direction,status,target,"
            + "effective_target,actual,volume,weight,effective_weight,attainment,points,exemptions,note";
    static final List<String> CSV_COLUMNS = List.of(CSV_HEADER.split(","));

    private ScorecardTables() {
    }

    static Table of(ScorecardPage page) {
        Map<String, Object> header = KpiTables.header(page.query());
        List<List<Object>> rows = new ArrayList<>(page.rows().size());
        List<List<Object>> records = new ArrayList<>();
        for (ScorecardRow row : page.rows()) {
            List<Object> values = new ArrayList<>(List.of(row.period(), row.id()));
            values.addAll(scorecard(row.scorecard()).values());
            rows.add(values);
            records.addAll(records(List.of(row.period(), row.id()), row.scorecard()));
        }
        return new Table(header, COLUMNS, rows, page.nextCursor()).withCsv(CSV_COLUMNS, records);
    }

    /** A scorecard's fields: role, model_version, score, kpis, left_out, exemptions. */
    static Map<String, Object> scorecard(Scorecard card) {
        List<Object> used = new ArrayList<>();
        List<Object> leftOut = new ArrayList<>();
        for (ScorecardLine line : card.lines()) {
            Map<String, Object> kpi = kpi(line.kpi());
            if (line.used()) {
                kpi.put("target", line.kpi().target());
                kpi.put("effective_target", line.effectiveTarget());
                kpi.put("actual", line.actual());
                kpi.put("volume", line.volume());
                kpi.put("weight", line.weight());
                kpi.put("effective_weight", line.effectiveWeight());
                kpi.put("attainment", line.attainment());
                kpi.put("points", line.points());
                kpi.put("exemptions", ids(line.exemptions()));
                used.add(kpi);
            } else {
                kpi.put("status", line.status());
                kpi.put("reason", line.reason());
                kpi.put("exemptions", ids(line.exemptions()));
                leftOut.add(kpi);
            }
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("role", card.role());
        fields.put("model_version", card.modelVersion());
        fields.put("score", card.score());
        fields.put("kpis", used);
        fields.put("left_out", leftOut);
        fields.put("exemptions", card.exemptions().stream().map(ScorecardTables::exemption).toList());
        return fields;
    }

    /** An exemption as the scorecards and period reports show it. */
    static Map<String, Object> exemption(Exemption exemption) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", exemption.id());
        fields.put("teams", exemption.teams());
        fields.put("from", exemption.from());
        fields.put("to", exemption.to());
        fields.put("reason", exemption.reason());
        fields.put("relaxed_targets", new TreeMap<>(exemption.relaxedTargets()));
        fields.put("left_out", exemption.leftOut().stream().sorted().toList());
        return fields;
    }

    /** The flat CSV records of one scorecard, each starting with {@code prefix} (period and id). */
    static List<List<Object>> records(List<Object> prefix, Scorecard card) {
        List<List<Object>> records = new ArrayList<>(card.lines().size());
        for (ScorecardLine line : card.lines()) {
            List<Object> record = new ArrayList<>(prefix);
            record.addAll(Arrays.asList(card.role(), card.modelVersion(), card.score(), line.kpi().metric(),
                    line.kpi().channel(), line.kpi().group(), line.kpi().direction(), line.status(), line.kpi().target(),
                    line.effectiveTarget(), line.actual(), line.volume(), line.weight(), line.effectiveWeight(),
                    line.attainment(), line.points(),
                    line.exemptions().stream().map(e -> String.valueOf(e.id())).collect(Collectors.joining(";")),
                    note(line)));
            records.add(record);
        }
        return records;
    }

    /** Why a KPI was left out, or how exemptions changed it, in words; null for a KPI used as the model says. */
    static String note(ScorecardLine line) {
        if (!line.used()) {
            return line.reason();
        }
        if (line.exemptions().isEmpty()) {
            return null;
        }
        return line.exemptions().stream().map(e -> (e.leftOut().contains(line.kpi().metric())
                        ? "contributions left out by exemption " : "target relaxed by exemption ") + e.id() + " ("
                        + e.reason() + ")")
                .collect(Collectors.joining("; "));
    }

    private static Map<String, Object> kpi(ModelKpi kpi) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("kpi", kpi.metric());
        fields.put("channel", kpi.channel());
        fields.put("group", kpi.group());
        fields.put("direction", kpi.direction());
        return fields;
    }

    private static List<Long> ids(List<Exemption> exemptions) {
        return exemptions.stream().map(Exemption::id).toList();
    }
}
