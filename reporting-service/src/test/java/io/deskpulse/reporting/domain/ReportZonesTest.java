package io.deskpulse.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReportZonesTest {

    @Test
    void findsIanaNamesCaseInsensitively() {
        assertThat(ReportZones.find("america/new_york")).contains(ZoneId.of("America/New_York"));
        assertThat(ReportZones.find("UTC")).contains(ZoneId.of("UTC"));
    }

    @Test
    void refusesRawOffsetsAndUnknownNames() {
        assertThat(ReportZones.find("+05:00")).isEmpty();
        assertThat(ReportZones.find("UTC+5")).isEmpty();
        assertThat(ReportZones.find("Mars/Olympus")).isEmpty();
    }

    @Test
    void dstZonesAreWholeHours() {
        assertThat(ReportZones.firstPartHourOffset(ZoneId.of("America/New_York"),
                Instant.parse("2026-01-01T05:00:00Z"), Instant.parse("2027-01-01T05:00:00Z"))).isEmpty();
    }

    @Test
    void halfHourZonesAreNot() {
        assertThat(ReportZones.firstPartHourOffset(ZoneId.of("Asia/Kolkata"),
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-02T00:00:00Z")))
                .contains(ZoneOffset.ofHoursMinutes(5, 30));
    }

    @Test
    void onlyTheRangeCounts() {
        // Caracas kept -04:30 from 2007-12-09 to 2016-05-01, -04:00 before and after.
        ZoneId caracas = ZoneId.of("America/Caracas");
        assertThat(ReportZones.firstPartHourOffset(caracas,
                Instant.parse("2026-01-01T04:00:00Z"), Instant.parse("2026-02-01T04:00:00Z"))).isEmpty();
        assertThat(ReportZones.firstPartHourOffset(caracas,
                Instant.parse("2010-01-01T04:00:00Z"), Instant.parse("2010-02-01T04:00:00Z")))
                .contains(ZoneOffset.ofHoursMinutes(-4, -30));
        // Whole hours at the start; the change inside the range is what counts.
        assertThat(ReportZones.firstPartHourOffset(caracas,
                Instant.parse("2007-12-01T04:00:00Z"), Instant.parse("2008-01-01T04:00:00Z")))
                .contains(ZoneOffset.ofHoursMinutes(-4, -30));
    }
}
