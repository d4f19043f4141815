package io.deskpulse.reporting.rest;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link Table} as JSON or RFC 4180 CSV bytes, field by field: the ETag is a hash of these
 * exact bytes, and column order must not depend on map ordering. CSV: CRLF after every record, empty
 * fields for null, quotes only where a field needs them, numbers as plain decimals (never 1.0E-4).
 */
public final class TableWriters {

    // Schubfach for doubles: writing a quarter of team-days' metrics spent a tenth of a request in FloatingDecimal.
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
    private static final String CRLF = "\r\n";

    private TableWriters() {
    }

    public static byte[] write(Table table, Representation representation) {
        return representation == Representation.CSV ? csv(table) : json(table);
    }

    public static byte[] json(Table table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            fields(json, table.header());
            json.writeArrayFieldStart("rows");
            for (List<Object> row : table.rows()) {
                json.writeStartObject();
                for (int i = 0; i < table.columns().size(); i++) {
                    json.writeFieldName(table.columns().get(i));
                    value(json, row.get(i));
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeStringField("next_cursor", table.nextCursor());
            fields(json, table.trailer());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] csv(Table table) {
        Table.Records records = table.csvRecords();
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < records.columns().size(); i++) {
            csv.append(i == 0 ? "" : ",").append(field(records.columns().get(i)));
        }
        csv.append(CRLF);
        for (List<Object> row : records.rows()) {
            for (int i = 0; i < row.size(); i++) {
                csv.append(i == 0 ? "" : ",").append(csvValue(row.get(i)));
            }
            csv.append(CRLF);
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void fields(JsonGenerator json, Map<String, Object> fields) throws IOException {
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            json.writeFieldName(field.getKey());
            value(json, field.getValue());
        }
    }

    private static void value(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Long n) {
            json.writeNumber(n);
        } else if (value instanceof Integer n) {
            json.writeNumber(n);
        } else if (value instanceof Double n) {
            json.writeNumber(n);
        } else if (value instanceof BigDecimal n) {
            json.writeNumber(n);
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                value(json, item);
            }
            json.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(entry.getKey().toString());
                value(json, entry.getValue());
            }
            json.writeEndObject();
        } else {
            json.writeString(value.toString());
        }
    }

    private static String csvValue(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return number(value);
        }
        if (value instanceof List<?> || value instanceof Map<?, ?>) {
            StringWriter text = new StringWriter();
            try (JsonGenerator json = JSON.createGenerator(text)) {
                value(json, value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return field(text.toString());
        }
        return field(value.toString());
    }

    /** A CSV field, quoted (with {@code ""} for a quote) only when it holds a comma, quote, CR or LF. */
    static String field(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\r') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /** A number as a plain decimal, which every spreadsheet reads; null as an empty field. */
    static String number(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        String text = value.toString();
        return text.indexOf('E') < 0 ? text : new BigDecimal(text).stripTrailingZeros().toPlainString();
    }
}
