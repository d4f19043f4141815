package io.deskpulse.reporting.rest;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskpulse.reporting.domain.Exemption;
import io.deskpulse.reporting.domain.ModelKpi;
import io.deskpulse.reporting.domain.Scorecard;
import io.deskpulse.reporting.domain.ScorecardLine;
import io.deskpulse.reporting.service.KpiQuery;
import io.deskpulse.reporting.service.ScorecardPage;
import io.deskpulse.reporting.service.ScorecardRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scorecards as JSON bytes, field by field (the ETag hashes these exact bytes): per member and period the
 * role, model version and score, the KPIs used with actual, target, weight and points, the KPIs left out and
 * why, and the exemptions that changed something.
 */
@ApplicationScoped
public class ScorecardJson {

    private final ObjectMapper mapper;

    public ScorecardJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public byte[] write(ScorecardPage page) {
        KpiQuery query = page.query();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("dimension", query.dimension().label());
            json.writeStringField("granularity", query.granularity().label());
            json.writeStringField("tz", query.zone().getId());
            json.writeStringField("from", query.from().toString());
            json.writeStringField("to", query.to().toString());
            json.writeArrayFieldStart("rows");
            for (ScorecardRow row : page.rows()) {
                writeRow(json, row);
            }
            json.writeEndArray();
            json.writeStringField("next_cursor", page.nextCursor());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static void writeRow(JsonGenerator json, ScorecardRow row) throws IOException {
        json.writeStartObject();
        json.writeStringField("period", row.period().toString());
        json.writeStringField("id", row.id());
        writeScorecard(json, row.scorecard());
        json.writeEndObject();
    }

    /** The scorecard's fields, inside an object the caller opened. */
    static void writeScorecard(JsonGenerator json, Scorecard card) throws IOException {
        json.writeStringField("role", card.role());
        json.writeNumberField("model_version", card.modelVersion());
        writeDouble(json, "score", card.score());
        json.writeArrayFieldStart("kpis");
        for (ScorecardLine line : card.lines()) {
            if (!line.used()) {
                continue;
            }
            json.writeStartObject();
            writeKpi(json, line.kpi());
            json.writeNumberField("target", line.kpi().target());
            json.writeNumberField("effective_target", line.effectiveTarget());
            json.writeNumberField("actual", line.actual());
            json.writeNumberField("volume", line.volume());
            json.writeNumberField("weight", line.kpi().weight());
            json.writeNumberField("effective_weight", line.effectiveWeight());
            json.writeNumberField("attainment", line.attainment());
            json.writeNumberField("points", line.points());
            writeIds(json, line.exemptions());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("left_out");
        for (ScorecardLine line : card.lines()) {
            if (line.used()) {
                continue;
            }
            json.writeStartObject();
            writeKpi(json, line.kpi());
            json.writeStringField("status", line.status());
            json.writeStringField("reason", line.reason());
            writeIds(json, line.exemptions());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("exemptions");
        for (Exemption exemption : card.exemptions()) {
            writeExemption(json, exemption);
        }
        json.writeEndArray();
    }

    static void writeExemption(JsonGenerator json, Exemption exemption) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", exemption.id());
        if (exemption.teams() == null) {
            json.writeNullField("teams");
        } else {
            json.writeArrayFieldStart("teams");
            for (String team : exemption.teams()) {
                json.writeString(team);
            }
            json.writeEndArray();
        }
        json.writeStringField("from", exemption.from().toString());
        json.writeStringField("to", exemption.to().toString());
        json.writeStringField("reason", exemption.reason());
        json.writeObjectFieldStart("relaxed_targets");
        for (Map.Entry<String, Double> target : new TreeMap<>(exemption.relaxedTargets()).entrySet()) {
            json.writeNumberField(target.getKey(), target.getValue());
        }
        json.writeEndObject();
        json.writeArrayFieldStart("left_out");
        for (String metric : exemption.leftOut().stream().sorted().toList()) {
            json.writeString(metric);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeKpi(JsonGenerator json, ModelKpi kpi) throws IOException {
        json.writeStringField("kpi", kpi.metric());
        json.writeStringField("channel", kpi.channel());
        json.writeStringField("group", kpi.group());
        json.writeStringField("direction", kpi.direction());
    }

    private static void writeIds(JsonGenerator json, List<Exemption> exemptions) throws IOException {
        json.writeArrayFieldStart("exemptions");
        for (Exemption exemption : exemptions) {
            json.writeNumber(exemption.id());
        }
        json.writeEndArray();
    }

    private static void writeDouble(JsonGenerator json, String field, Double value) throws IOException {
        if (value == null) {
            json.writeNullField(field);
        } else {
            json.writeNumberField(field, value);
        }
    }
}
