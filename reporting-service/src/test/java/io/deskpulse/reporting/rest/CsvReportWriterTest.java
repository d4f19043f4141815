package io.deskpulse.reporting.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvReportWriterTest {

    @Test
    void quotesOnlyWhenNeeded() {
        assertThat(CsvReportWriter.field("a-17")).isEqualTo("a-17");
        assertThat(CsvReportWriter.field("Smith, J.")).isEqualTo("\"Smith, J.\"");
        assertThat(CsvReportWriter.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvReportWriter.field("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
    }

    @Test
    void numbersArePlain() {
        assertThat(CsvReportWriter.number(null)).isEmpty();
        assertThat(CsvReportWriter.number(42L)).isEqualTo("42");
        assertThat(CsvReportWriter.number(95.0)).isEqualTo("95.0");
        assertThat(CsvReportWriter.number(1.0E-4)).isEqualTo("0.0001");
        assertThat(CsvReportWriter.number(1.5E7)).isEqualTo("15000000");
    }
}
