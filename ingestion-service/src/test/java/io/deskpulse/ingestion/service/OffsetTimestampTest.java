package io.deskpulse.ingestion.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The hand-written recogniser of plain timestamps never accepts what OffsetDateTime.parse refuses. */
class OffsetTimestampTest {

    @Test
    void plainTimestampsAreRecognisedWithoutTheParser() {
        assertThat(OffsetTimestamp.isPlainlyValid("2026-11-02T09:14:05Z")).isTrue();
        assertThat(OffsetTimestamp.isPlainlyValid("2026-11-02T09:14:05.123Z")).isTrue();
        assertThat(OffsetTimestamp.isPlainlyValid("2026-11-02T09:14:05.123456789+05:30")).isTrue();
        assertThat(OffsetTimestamp.isPlainlyValid("2024-02-29T23:59:59-08:00")).isTrue();
    }

    @Test
    void epochSecondsByHandEqualTheParsers() {
        String[] samples = {"2026-11-02T09:14:05Z", "2026-11-02T09:14:05.999+05:30", "2000-01-01T00:00:00Z",
            "2000-01-01T00:30:00+01:00", "1999-12-31T23:59:59-14:00", "0000-03-01T00:00:00Z", "1970-01-01T00:00:00Z",
            "2024-02-29T23:59:59-08:00", "2100-03-01T12:00:00+17:59", "9999-12-31T23:59:59Z",
            "+200000000-01-01T00:00:00Z", "-200000000-01-01T00:00:00Z", "2026-11-02t09:14:05z"};
        for (String sample : samples) {
            assertThat(OffsetTimestamp.epochSecond(sample)).as(sample)
                    .isEqualTo(java.time.OffsetDateTime.parse(sample.toUpperCase()).toEpochSecond());
        }
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 20_000; i++) {
            long second = random.nextLong(-62_135_596_800L, 253_402_300_799L);
            int offsetMinutes = random.nextInt(-17 * 60, 17 * 60 + 1);
            String text = java.time.OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(second),
                    java.time.ZoneOffset.ofTotalSeconds(offsetMinutes * 60)).toString();
            if (text.length() == 22 || text.length() == 25) {
                continue; // OffsetDateTime.toString drops ":00" seconds: not RFC 3339
            }
            assertThat(OffsetTimestamp.epochSecond(text)).as(text).isEqualTo(second);
        }
    }

    @Test
    void outOfRangeFieldsAreNotPlain() {
        assertThat(OffsetTimestamp.isPlainlyValid("2026-02-29T09:14:05Z")).isFalse();
        assertThat(OffsetTimestamp.isPlainlyValid("2100-02-29T09:14:05Z")).isFalse();
        assertThat(OffsetTimestamp.isPlainlyValid("2026-04-31T09:14:05Z")).isFalse();
        assertThat(OffsetTimestamp.isPlainlyValid("2026-11-02T24:00:00Z")).isFalse();
        assertThat(OffsetTimestamp.isPlainlyValid("2026-11-02T09:14:05")).isFalse();
        assertThat(OffsetTimestamp.isPlainlyValid("2026-11-02T09:14:05.Z")).isFalse();
        assertThat(OffsetTimestamp.isPlainlyValid("2026-11-02T09:14:05.1234567890Z")).isFalse();
    }

    @Test
    void neverPlainWhereTheParserRefuses() {
        String[] years = {"0000", "1970", "2000", "2024", "2026", "2100", "9999", "20x6"};
        String[] months = {"00", "01", "02", "04", "12", "13"};
        String[] days = {"00", "01", "28", "29", "30", "31", "32"};
        String[] times = {"00:00:00", "23:59:59", "24:00:00", "12:60:00", "12:00:60", "9:00:00", "12:00"};
        String[] fractions = {"", ".", ".1", ".123", ".123456789", ".1234567890", ".12a"};
        String[] offsets = {"Z", "z", "", "+00:00", "-00:00", "+05:30", "+17:59", "+18:00", "-18:00", "+18:01",
                "+24:00", "+05:60", "+0530", "+05", "+05:30:00", "Z ", "ZZ"};
        String[] separators = {"T", "t", " "};
        int plain = 0;
        int checked = 0;
        for (String year : years) {
            for (String month : months) {
                for (String day : days) {
                    for (String time : times) {
                        for (String fraction : fractions) {
                            for (String offset : offsets) {
                                for (String separator : separators) {
                                    String text = year + "-" + month + "-" + day + separator + time + fraction + offset;
                                    checked++;
                                    if (OffsetTimestamp.isPlainlyValid(text)) {
                                        plain++;
                                        assertThat(OffsetTimestamp.parses(text)).as(text).isTrue();
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(8 * 6 * 7 * 7 * 7 * 17 * 3);
        // Plain: 115 dates (7 years, of which 0000, 2000 and 2024 leap; months 01 and 12 with 5 of the days, 04
        // with 4, 02 with 3 or 2), 2 times, 4 fractions ("", .1, .123, .123456789), 5 offsets (Z, +00:00, -00:00,
        // +05:30, +17:59; +-18:00 is left to the parser), and only "T": 115 * 2 * 4 * 5.
        assertThat(plain).isEqualTo(4600);
    }

    @Test
    void theValidatorStillAcceptsWhatOnlyTheParserKnows() {
        assertThat(EventValidator.isOffsetDateTime("2026-11-02t09:14:05z")).isEqualTo(OffsetTimestamp.parses(
                "2026-11-02t09:14:05z"));
        assertThat(EventValidator.isOffsetDateTime("2026-11-02T09:14:05+18:00")).isTrue();
        assertThat(EventValidator.isOffsetDateTime("2026-11-02T09:14:05+05:30:15")).isTrue();
    }
}
