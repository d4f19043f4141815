package io.deskpulse.reporting.rest.body;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link ReportBody} as JSON (Jackson writes the record as it is) or as RFC 4180 CSV (its {@link CsvRecords}),
 * field by field: the ETag is a hash of these exact bytes. CSV: CRLF after every record, empty fields for null, quotes
 * only where a field needs them, numbers as plain decimals (never 1.0E-4), a list or object as its JSON text, text
 * that a spreadsheet would take for a formula neutralised ({@link #neutralised}).
 */
public final class BodyWriter {

    // Schubfach for doubles: writing a quarter of team-days' metrics spent a tenth of a request in FloatingDecimal.
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
    private static final ObjectMapper JSON = JsonMapper.builder(FACTORY).addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final String CRLF = "\r\n";

    private BodyWriter() {
    }

    public static byte[] json(ReportBody body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report body does not write as JSON", e);
        }
    }

    public static byte[] csv(ReportBody body) {
        return csvText(body.csv()).getBytes(StandardCharsets.UTF_8);
    }

    public static String csvText(CsvRecords records) {
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
        return csv.toString();
    }

    /** A number as JSON: thousandths the fast way ({@link #writeMillis}), other doubles as Jackson writes them. */
    static void number(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Long n) {
            json.writeNumber(n);
        } else if (value instanceof Double n) {
            if (!writeMillis(json, n)) {
                json.writeNumber(n);
            }
        } else {
            json.writeObject(value);
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
            try {
                return field(JSON.writeValueAsString(value));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a CSV field does not write as JSON", e);
            }
        }
        return field(neutralised(value.toString()));
    }

    /**
     * Text that a spreadsheet would read as a formula ({@code =}, {@code +}, {@code -}, {@code @}, tab or CR first)
     * gets a leading {@code '}, as OWASP recommends against CSV injection: ids are free text from helpdesks, and these
     * files are opened by managers. Numbers are written as numbers, negative ones too.
     */
    static String neutralised(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
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
