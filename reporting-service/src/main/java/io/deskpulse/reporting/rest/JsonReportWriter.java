package io.deskpulse.reporting.rest;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskpulse.reporting.service.KpiQuery;
import io.deskpulse.reporting.service.KpiReport;
import io.deskpulse.reporting.service.KpiRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes a report as JSON bytes, field by field: the ETag is a hash of these exact bytes, and the
 * column order (period, id, then the metrics as asked) must not depend on map ordering.
 */
@ApplicationScoped
public class JsonReportWriter {

    private final ObjectMapper mapper;

    public JsonReportWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public byte[] write(KpiReport report) {
        KpiQuery query = report.query();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("dimension", query.dimension().label());
            json.writeStringField("granularity", query.granularity().label());
            json.writeStringField("tz", query.zone().getId());
            json.writeStringField("from", query.from().toString());
            json.writeStringField("to", query.to().toString());
            json.writeArrayFieldStart("rows");
            for (KpiRow row : report.rows()) {
                json.writeStartObject();
                json.writeStringField("period", row.period().toString());
                json.writeStringField("id", row.id());
                for (int i = 0; i < query.metrics().size(); i++) {
                    json.writeFieldName(query.metrics().get(i).name());
                    writeValue(json, row.values().get(i));
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeStringField("next_cursor", report.nextCursor());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Long count) {
            json.writeNumber(count);
        } else {
            json.writeNumber((Double) value);
        }
    }
}
