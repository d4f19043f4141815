package io.deskpulse.reporting.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableWritersTest {

    @Test
    void quotesOnlyWhenNeeded() {
        assertThat(TableWriters.field("a-17")).isEqualTo("a-17");
        assertThat(TableWriters.field("Smith, J.")).isEqualTo("\"Smith, J.\"");
        assertThat(TableWriters.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(TableWriters.field("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
    }

    @Test
    void numbersArePlain() {
        assertThat(TableWriters.number(null)).isEmpty();
        assertThat(TableWriters.number(42L)).isEqualTo("42");
        assertThat(TableWriters.number(95.0)).isEqualTo("95.0");
        assertThat(TableWriters.number(1.0E-4)).isEqualTo("0.0001");
        assertThat(TableWriters.number(1.5E7)).isEqualTo("15000000");
    }

    @Test
    void nestedValuesAreJsonInBothRepresentations() {
        Map<String, Object> kpi = new LinkedHashMap<>();
        kpi.put("kpi", "csat_avg");
        kpi.put("channel", null);
        kpi.put("exemptions", List.of(4L));
        Table table = new Table(Map.of("tz", "UTC"), List.of("id", "threshold", "kpis"),
                List.of(Arrays.asList("a-17", new BigDecimal("120.5"), List.of(kpi))), null);

        assertThat(new String(TableWriters.json(table), StandardCharsets.UTF_8)).isEqualTo("{\"tz\":\"UTC\",\"rows\":"
                + "[{\"id\":\"a-17\",\"threshold\":120.5,\"kpis\":[{\"kpi\":\"csat_avg\",\"channel\":null,"
                + "\"exemptions\":[4]}]}],\"next_cursor\":null}");
        assertThat(new String(TableWriters.csv(table), StandardCharsets.UTF_8)).isEqualTo("id,threshold,kpis\r\n"
                + "a-17,120.5,\"[{\"\"kpi\"\":\"\"csat_avg\"\",\"\"channel\"\":null,\"\"exemptions\"\":[4]}]\"\r\n");
    }

    @Test
    void aTableWithItsOwnCsvRecordsWritesThemInsteadOfTheRows() {
        Table table = new Table(Map.of(), List.of("id", "kpis"), List.of(List.of("a-17", List.of("csat_avg", "fcr_rate"))),
                "next").withCsv(List.of("id", "kpi"), List.of(List.of("a-17", "csat_avg"), List.of("a-17", "fcr_rate")));

        assertThat(new String(TableWriters.csv(table), StandardCharsets.UTF_8))
                .isEqualTo("id,kpi\r\na-17,csat_avg\r\na-17,fcr_rate\r\n");
        assertThat(new String(TableWriters.json(table), StandardCharsets.UTF_8))
                .isEqualTo("{\"rows\":[{\"id\":\"a-17\",\"kpis\":[\"csat_avg\",\"fcr_rate\"]}],\"next_cursor\":\"next\"}");
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
            int length = TableWriters.millisText(value, text);
            if (length >= 0) {
                fast++;
                assertThat(new String(text, 0, length)).as("%s", general).isEqualTo(general);
            }
        }
        // Whole thousandths below 1e7 take the fast way; the rest (ratios, E notation) the general one.
        assertThat(fast).isBetween(170_000, 200_000);
        assertThat(TableWriters.millisText(0.041666666666666664, text)).isEqualTo(-1);
        assertThat(TableWriters.millisText(1.25e7, text)).isEqualTo(-1);
        assertThat(TableWriters.millisText(0.0005, text)).isEqualTo(-1);
        assertThat(TableWriters.millisText(Double.NaN, text)).isEqualTo(-1);
    }
}
