package io.deskpulse.reporting.rest.body;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How bodies are written, without Quarkus: CSV fields and numbers, JSON as Jackson writes the records. */
class BodyWriterTest {

    @Test
    void quotesOnlyWhenNeeded() {
        assertThat(BodyWriter.field("a-17")).isEqualTo("a-17");
        assertThat(BodyWriter.field("Smith, J.")).isEqualTo("\"Smith, J.\"");
        assertThat(BodyWriter.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(BodyWriter.field("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
    }

    @Test
    void textASpreadsheetWouldTakeForAFormulaIsNeutralised() {
        Page page = new Page("UTC", List.of(new Row("=HYPERLINK(\"http://x\",\"y\")", new BigDecimal("-3.5"), List.of()),
                new Row("+1", null, List.of()), new Row("-2", null, List.of()), new Row("@SUM(A1)", null, List.of()),
                new Row("\tx", null, List.of()), new Row("\rx", null, List.of()), new Row("a=b", null, List.of()),
                new Row("", null, List.of())), null);
        assertThat(new String(BodyWriter.csv(page), StandardCharsets.UTF_8)).isEqualTo("id,threshold,kpis\r\n"
                + "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-3.5,[]\r\n"
                + "'+1,,[]\r\n'-2,,[]\r\n'@SUM(A1),,[]\r\n'\tx,,[]\r\n\"'\rx\",,[]\r\na=b,,[]\r\n,,[]\r\n");
        // JSON keeps every value as it is: the neutralisation is for spreadsheets only.
        assertThat(new String(BodyWriter.json(page), StandardCharsets.UTF_8)).contains("\"id\":\"-2\"");
    }

    @Test
    void numbersArePlain() {
        assertThat(BodyWriter.number(null)).isEmpty();
        assertThat(BodyWriter.number(42L)).isEqualTo("42");
        assertThat(BodyWriter.number(95.0)).isEqualTo("95.0");
        assertThat(BodyWriter.number(1.0E-4)).isEqualTo("0.0001");
        assertThat(BodyWriter.number(1.5E7)).isEqualTo("15000000");
    }

    @Test
    void nestedValuesAreJsonInBothRepresentations() {
        Map<String, Object> kpi = new LinkedHashMap<>();
        kpi.put("kpi", "csat_avg");
        kpi.put("channel", null);
        kpi.put("exemptions", List.of(4L));
        Page page = new Page("UTC", List.of(new Row("a-17", new BigDecimal("120.5"), List.of(kpi))), null);

        assertThat(new String(BodyWriter.json(page), StandardCharsets.UTF_8)).isEqualTo("{\"tz\":\"UTC\",\"rows\":"
                + "[{\"id\":\"a-17\",\"threshold\":120.5,\"kpis\":[{\"kpi\":\"csat_avg\",\"channel\":null,"
                + "\"exemptions\":[4]}]}],\"next_cursor\":null}");
        assertThat(new String(BodyWriter.csv(page), StandardCharsets.UTF_8)).isEqualTo("id,threshold,kpis\r\n"
                + "a-17,120.5,\"[{\"\"kpi\"\":\"\"csat_avg\"\",\"\"channel\"\":null,\"\"exemptions\"\":[4]}]\"\r\n");
    }

    @Test
    void datesInstantsAndDoublesAreWrittenAsTheyRead() {
        Page page = new Page("Europe/Berlin", List.of(), "next");
        assertThat(new String(BodyWriter.json(page), StandardCharsets.UTF_8))
                .isEqualTo("{\"tz\":\"Europe/Berlin\",\"rows\":[],\"next_cursor\":\"next\"}");
        assertThat(new String(BodyWriter.csv(page), StandardCharsets.UTF_8)).isEqualTo("id,threshold,kpis\r\n");
        Times times = new Times(LocalDate.parse("2026-11-02"), Instant.parse("2026-11-02T10:05:01.120Z"), 0.1 + 0.2, 95.0);
        assertThat(new String(BodyWriter.json(times), StandardCharsets.UTF_8)).isEqualTo("{\"day\":\"2026-11-02\","
                + "\"at\":\"2026-11-02T10:05:01.120Z\",\"ratio\":0.30000000000000004,\"seconds\":95.0}");
        assertThat(new String(BodyWriter.csv(times), StandardCharsets.UTF_8))
                .isEqualTo("day,at,ratio,seconds\r\n2026-11-02,2026-11-02T10:05:01.120Z,0.30000000000000004,95.0\r\n");
    }

    /** A page as the bodies are: a record Jackson writes, its rows the CSV records. */
    record Page(String tz, List<Row> rows, @JsonProperty("next_cursor") String nextCursor) implements ReportBody {
        @Override
        public CsvRecords csv() {
            return CsvRecords.of(Row.class, rows);
        }
    }

    record Row(String id, BigDecimal threshold, List<Map<String, Object>> kpis) {
    }

    record Times(LocalDate day, Instant at, Double ratio, double seconds) implements ReportBody {
        @Override
        public String nextCursor() {
            return null;
        }

        @Override
        public CsvRecords csv() {
            return CsvRecords.of(Times.class, List.of(this));
        }
    }

    @Test
    void thousandthsAreWrittenAsTheGeneralWriterWritesThem() {
        java.util.Random random = new java.util.Random(20261130);
        List<Double> values = new java.util.ArrayList<>(List.of(0.0, -0.0, 0.001, 0.002, 0.5, 1.0, 80595.0, 5142.593, 9999999.999,
                1e7, 1.25e7, 0.0005, -36.734693877551024, -12.5, 0.041666666666666664, 4.1, 0.1 + 0.2, Double.NaN));
        for (int i = 0; i < 200_000; i++) {
            long millis = random.nextLong(switch (i % 4) { case 0 -> 1_000L; case 1 -> 100_000L; case 2 -> 100_000_000L;
                default -> 20_000_000_000L; });
            values.add((i % 7 == 0 ? -millis : millis) / 1000.0);
            values.add(random.nextDouble() * Math.pow(10, random.nextInt(12) - 4));
        }
        char[] text = new char[24];
        int fast = 0;
        for (double value : values) {
            String general = com.fasterxml.jackson.core.io.NumberOutput.toString(value, true);
            int length = BodyWriter.millisText(value, text);
            if (length >= 0) {
                fast++;
                assertThat(new String(text, 0, length)).as("%s", general).isEqualTo(general);
            }
        }
        // Whole thousandths below 1e7 take the fast way; the rest (ratios, E notation) the general one.
        assertThat(fast).isBetween(170_000, 200_000);
        assertThat(BodyWriter.millisText(0.041666666666666664, text)).isEqualTo(-1);
        assertThat(BodyWriter.millisText(1.25e7, text)).isEqualTo(-1);
        assertThat(BodyWriter.millisText(0.0005, text)).isEqualTo(-1);
        assertThat(BodyWriter.millisText(Double.NaN, text)).isEqualTo(-1);
    }
}
