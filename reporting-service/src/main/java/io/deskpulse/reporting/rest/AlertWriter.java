package io.deskpulse.reporting.rest;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskpulse.reporting.service.AlertRow;
import io.deskpulse.reporting.service.AlertService;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Alerts as JSON ({@code rows}, {@code next_cursor}) or CSV, with the same columns in the same order. */
@ApplicationScoped
public class AlertWriter {

    static final List<String> COLUMNS = List.of("id", "state", "rule_id", "rule_version", "rule_name", "metric",
            "dimension", "member", "channel", "window_minutes", "comparison", "threshold", "min_volume", "raised_at",
            "raised_value", "raised_volume", "window_start", "window_end", "resolved_at", "resolved_value",
            "resolved_volume", "resolved_reason");

    private final ObjectMapper mapper;

    public AlertWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public byte[] json(AlertService.Page page) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeArrayFieldStart("rows");
            for (AlertRow row : page.rows()) {
                json.writeStartObject();
                List<Object> values = values(row);
                for (int i = 0; i < COLUMNS.size(); i++) {
                    json.writeFieldName(COLUMNS.get(i));
                    json.writeObject(values.get(i));
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeStringField("next_cursor", page.nextCursor());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] csv(AlertService.Page page) {
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (AlertRow row : page.rows()) {
            List<String> fields = new ArrayList<>();
            for (Object value : values(row)) {
                fields.add(value == null ? "" : value instanceof String text ? CsvReportWriter.field(text)
                        : CsvReportWriter.number(value));
            }
            csv.append(String.join(",", fields)).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<Object> values(AlertRow row) {
        List<Object> values = new ArrayList<>();
        values.add(row.id());
        values.add(row.state());
        values.add(row.ruleId());
        values.add(row.ruleVersion());
        values.add(row.ruleName());
        values.add(row.metric());
        values.add(row.dimension());
        values.add(row.member());
        values.add(row.channel());
        values.add(row.windowMinutes());
        values.add(row.comparison());
        values.add(row.threshold());
        values.add(row.minVolume());
        values.add(text(row.raisedAt()));
        values.add(row.raisedValue());
        values.add(row.raisedVolume());
        values.add(text(row.windowStart()));
        values.add(text(row.windowEnd()));
        values.add(text(row.resolvedAt()));
        values.add(row.resolvedValue());
        values.add(row.resolvedVolume());
        values.add(row.resolvedReason());
        return values;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
