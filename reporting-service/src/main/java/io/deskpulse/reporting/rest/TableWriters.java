package io.deskpulse.reporting.rest;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
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
        // About a kilobyte a KPI row: growing from 32 bytes would copy a big answer many times over.
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024 + 24 * table.columns().size() * table.rows().size());
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            fields(json, table.header());
            json.writeArrayFieldStart("rows");
            // Each column's name quoted and encoded once for all rows, not once per row.
            SerializedString[] names = table.columns().stream().map(SerializedString::new).toArray(SerializedString[]::new);
            for (List<Object> row : table.rows()) {
                json.writeStartObject();
                for (int i = 0; i < names.length; i++) {
                    json.writeFieldName(names[i]);
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
            if (!writeMillis(json, n)) {
                json.writeNumber(n);
            }
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

    /**
     * Writes {@code d} when it is a whole number of thousandths (durations in seconds, amounts): the shortest
     * decimal that reads back as {@code d}, exactly the characters the general writer (Schubfach) produces, from
     * integer digits. Half of a KPI row's numbers are such; the general algorithm had cost a fifth of a report.
     * False, writing nothing, for any other double (ratios, and magnitudes written in E notation).
     */
    static boolean writeMillis(JsonGenerator json, double d) throws IOException {
        char[] text = new char[24];
        int length = millisText(d, text);
        if (length < 0) {
            return false;
        }
        json.writeNumber(text, 0, length);
        return true;
    }

    /** The text of {@code d} into {@code out} when {@link #writeMillis} applies, its length; else -1. */
    static int millisText(double d, char[] out) {
        if (Double.doubleToRawLongBits(d) == 0L) {
            "0.0".getChars(0, 3, out, 0);
            return 3;
        }
        double magnitude = Math.abs(d);
        // Below 1e-3 and from 1e7 on, Java's (and Schubfach's) text is in E notation.
        if (!(magnitude >= 1e-3 && magnitude < 1e7)) {
            return -1;
        }
        long millis = Math.round(magnitude * 1000.0);
        // Exactly d: then the decimal millis/1000 (at most ten digits) is the shortest that reads back as d.
        if (millis / 1000.0 != magnitude) {
            return -1;
        }
        int at = 0;
        if (d < 0) {
            out[at++] = '-';
        }
        String whole = Long.toString(millis / 1000);
        whole.getChars(0, whole.length(), out, at);
        at += whole.length();
        out[at++] = '.';
        int fraction = (int) (millis % 1000);
        if (fraction == 0) {
            out[at++] = '0';
            return at;
        }
        out[at++] = (char) ('0' + fraction / 100);
        if (fraction % 100 != 0) {
            out[at++] = (char) ('0' + fraction / 10 % 10);
            if (fraction % 10 != 0) {
                out[at++] = (char) ('0' + fraction % 10);
            }
        }
        return at;
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
