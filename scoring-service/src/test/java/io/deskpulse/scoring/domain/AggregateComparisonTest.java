package io.deskpulse.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.deskpulse.scoring.domain.AggregateComparison.Difference;
import io.deskpulse.scoring.domain.AggregateComparison.Result;
import io.deskpulse.scoring.domain.AggregateComparison.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The comparison of stored aggregate rows with the rows the timelines give, without a database. */
class AggregateComparisonTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final long HOUR = Instant.parse("2026-11-03T10:00:00Z").toEpochMilli();
    private static final AggregateKey ROW = new AggregateKey("acme", 2, HOUR, "billing", "a-17", "email");
    private static final DailyKey DAY = new DailyKey("acme", 2, LocalDate.parse("2026-11-03"), "billing", "a-17", "email");
    private static final TeamDayKey TEAM_DAY = new TeamDayKey("acme", 2, LocalDate.parse("2026-11-03"), "billing");
    private static final AgentDayKey AGENT_DAY = new AgentDayKey("acme", 2, LocalDate.parse("2026-11-03"), "billing",
            "a-17");

    private static KpiDelta values(Object... measuresAndValues) {
        KpiDelta delta = new KpiDelta();
        for (int i = 0; i < measuresAndValues.length; i += 2) {
            delta.add((Measure) measuresAndValues[i], ((Number) measuresAndValues[i + 1]).longValue());
        }
        return delta;
    }

    private static KpiDelta histogram(HistogramMeasure h, int... binsAndCounts) {
        KpiDelta delta = new KpiDelta();
        for (int i = 0; i < binsAndCounts.length; i += 2) {
            delta.addToHistogram(h, binsAndCounts[i], binsAndCounts[i + 1]);
        }
        return delta;
    }

    private static AggregateRows hourly(AggregateKey key, KpiDelta delta) {
        TreeMap<AggregateKey, KpiDelta> rows = new TreeMap<>();
        if (delta != null) {
            rows.put(key, delta);
        }
        return new AggregateRows(rows, new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
    }

    @Test
    void equalRowsHaveNoDifferenceAndNeedNoCorrection() {
        KpiDelta row = values(Measure.TICKETS_CREATED, 4, Measure.ONLINE_MS, 3_600_000);
        row.addToHistogram(HistogramMeasure.FIRST_RESPONSE, 412, 3);
        KpiDelta same = values(Measure.TICKETS_CREATED, 4, Measure.ONLINE_MS, 3_600_000);
        same.addToHistogram(HistogramMeasure.FIRST_RESPONSE, 412, 3);

        Result result = AggregateComparison.compare(hourly(ROW, row), hourly(ROW, same), BERLIN);

        assertThat(result.differences()).isEmpty();
        assertThat(result.corrections().isEmpty()).isTrue();
    }

    @Test
    void aMeasureThatDiffersIsListedWithBothValuesAndCorrectedByTheDifference() {
        Result result = AggregateComparison.compare(hourly(ROW, values(Measure.TICKETS_CREATED, 4)),
                hourly(ROW, values(Measure.TICKETS_CREATED, 7, Measure.AGENT_REPLIES, 0)), BERLIN);

        assertThat(result.differences()).containsExactly(
                new Difference(Table.KPI_HOURLY, HOUR, "billing", "a-17", "email", "", "tickets_created", null, 7, 4));
        assertThat(result.corrections().hourly().get(ROW).get(Measure.TICKETS_CREATED)).isEqualTo(-3);
    }

    @Test
    void aHistogramDiffersBinByBin() {
        Result result = AggregateComparison.compare(hourly(ROW, histogram(HistogramMeasure.RESOLUTION, 10, 1, 13, 1)),
                hourly(ROW, histogram(HistogramMeasure.RESOLUTION, 10, 2, 12, 1)), BERLIN);

        assertThat(result.differences()).extracting(Difference::metric, Difference::bin, Difference::stored,
                Difference::expected).containsExactly(
                        tuple("resolution_hist", 10, 2L, 1L),
                        tuple("resolution_hist", 12, 1L, 0L),
                        tuple("resolution_hist", 13, 0L, 1L));
        assertThat(result.corrections().hourly().get(ROW).histogramPairs(HistogramMeasure.RESOLUTION))
                .containsExactly(10, -1, 12, -1, 13, 1);
    }

    @Test
    void aMissingRowAndAStrayRowDifferButAStrayRowOfZerosDoesNot() {
        AggregateKey other = new AggregateKey("acme", 2, HOUR, "ghost", "", "");
        AggregateKey zeros = new AggregateKey("acme", 2, HOUR, "retracted", "", "");
        TreeMap<AggregateKey, KpiDelta> stored = new TreeMap<>();
        stored.put(other, values(Measure.COMPLAINTS, 1));
        stored.put(zeros, values(Measure.COMPLAINTS, 0));

        Result result = AggregateComparison.compare(hourly(ROW, values(Measure.CSAT_COUNT, 2, Measure.CSAT_SUM, 9)),
                new AggregateRows(stored, new TreeMap<>(), new TreeMap<>(), new TreeMap<>()), BERLIN);

        assertThat(result.differences()).extracting(Difference::teamId, Difference::metric, Difference::stored,
                Difference::expected).containsExactlyInAnyOrder(
                        tuple("billing", "csat_count", 0L, 2L),
                        tuple("billing", "csat_sum", 0L, 9L),
                        tuple("ghost", "complaints", 1L, 0L));
        assertThat(result.corrections().hourly()).containsOnlyKeys(ROW, other);
    }

    @Test
    void dailyRowsAreDatedByTheFirstHourOfTheirLocalDayAndRollupsHaveNoChannel() {
        AggregateRows expected = new AggregateRows(new TreeMap<>(), new TreeMap<>(Map.of(DAY,
                values(Measure.ONLINE_MS, 10))), new TreeMap<>(Map.of(TEAM_DAY, values(Measure.ONLINE_MS, 10))),
                new TreeMap<>(Map.of(AGENT_DAY, values(Measure.ONLINE_MS, 10))));
        AggregateRows stored = new AggregateRows(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>());

        List<Difference> berlin = AggregateComparison.compare(expected, stored, BERLIN).differences();
        List<Difference> kolkata = AggregateComparison.compare(expected, stored, ZoneId.of("Asia/Kolkata")).differences();

        long berlinMidnight = Instant.parse("2026-11-02T23:00:00Z").toEpochMilli();
        assertThat(berlin).containsExactly(
                new Difference(Table.KPI_DAILY, berlinMidnight, "billing", "a-17", "email", "", "online_ms", null, 0, 10),
                new Difference(Table.KPI_TEAM_DAILY, berlinMidnight, "billing", null, null, null, "online_ms", null, 0, 10),
                new Difference(Table.KPI_AGENT_DAILY, berlinMidnight, "billing", "a-17", null, null, "online_ms", null, 0,
                        10));
        // Kolkata's midnight is 18:30 UTC: the day's rows hold the hours from 19:00 UTC on
        assertThat(kolkata).extracting(Difference::periodMillis)
                .containsOnly(Instant.parse("2026-11-02T19:00:00Z").toEpochMilli());
    }

    @Test
    void differencesComeInPeriodOrderThenTableThenRow() {
        AggregateKey early = new AggregateKey("acme", 2, HOUR - 3_600_000, "z-team", "", "");
        TreeMap<AggregateKey, KpiDelta> hourly = new TreeMap<>();
        hourly.put(ROW, values(Measure.TRANSFERS, 1));
        hourly.put(early, values(Measure.TRANSFERS, 1));
        AggregateRows expected = new AggregateRows(hourly, new TreeMap<>(Map.of(DAY, values(Measure.TRANSFERS, 2))),
                new TreeMap<>(), new TreeMap<>());

        List<Difference> differences = AggregateComparison.compare(expected,
                new AggregateRows(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>()), ZoneOffset.UTC).differences();

        assertThat(differences).extracting(Difference::table, Difference::periodMillis).containsExactly(
                tuple(Table.KPI_DAILY, Instant.parse("2026-11-03T00:00:00Z").toEpochMilli()),
                tuple(Table.KPI_HOURLY, HOUR - 3_600_000),
                tuple(Table.KPI_HOURLY, HOUR));
    }

    /** Whatever was stored, adding the corrections gives what was expected, and each value that differs is listed. */
    @Test
    void correctionsTurnAnyStoredRowsIntoTheExpectedOnes() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            TreeMap<AggregateKey, KpiDelta> expected = new TreeMap<>();
            TreeMap<AggregateKey, KpiDelta> stored = new TreeMap<>();
            int differing = 0;
            for (int r = 0; r < 6; r++) {
                AggregateKey key = new AggregateKey("acme", 2, HOUR + r % 3 * 3_600_000L, "t" + r, "a", "chat");
                KpiDelta want = random.nextInt(4) == 0 ? null : randomRow(random);
                KpiDelta have = random.nextInt(3) == 0 ? copy(want) : random.nextInt(4) == 0 ? null : randomRow(random);
                if (want != null) {
                    expected.put(key, want);
                }
                if (have != null) {
                    stored.put(key, have);
                }
                differing += valuesThatDiffer(want == null ? new KpiDelta() : want, have == null ? new KpiDelta() : have);
            }
            Result result = AggregateComparison.compare(new AggregateRows(expected, new TreeMap<>(), new TreeMap<>(), new TreeMap<>()),
                    new AggregateRows(stored, new TreeMap<>(), new TreeMap<>(), new TreeMap<>()), BERLIN);

            assertThat(result.differences()).hasSize(differing);
            SortedMap<AggregateKey, KpiDelta> corrections = result.corrections().hourly();
            for (AggregateKey key : union(expected, stored)) {
                KpiDelta fixed = new KpiDelta();
                if (stored.containsKey(key)) {
                    fixed.addAll(stored.get(key));
                }
                if (corrections.containsKey(key)) {
                    fixed.addAll(corrections.get(key));
                }
                KpiDelta want = expected.getOrDefault(key, new KpiDelta());
                assertThat(KpiDelta.difference(fixed, want).isZero()).as("round %d, row %s", round, key).isTrue();
            }
        }
    }

    private static KpiDelta randomRow(Random random) {
        KpiDelta row = new KpiDelta();
        for (Measure m : Measure.values()) {
            if (random.nextInt(3) == 0) {
                row.add(m, random.nextInt(5));
            }
        }
        for (HistogramMeasure h : HistogramMeasure.values()) {
            for (int i = random.nextInt(3); i > 0; i--) {
                row.addToHistogram(h, random.nextInt(4), 1 + random.nextInt(3));
            }
        }
        return row;
    }

    private static KpiDelta copy(KpiDelta row) {
        if (row == null) {
            return null;
        }
        KpiDelta copy = new KpiDelta();
        copy.addAll(row);
        return copy;
    }

    private static int valuesThatDiffer(KpiDelta a, KpiDelta b) {
        int n = 0;
        for (Measure m : Measure.values()) {
            n += a.get(m) != b.get(m) ? 1 : 0;
        }
        for (HistogramMeasure h : HistogramMeasure.values()) {
            for (int bin = 0; bin < 4; bin++) {
                n += a.histogramCount(h, bin) != b.histogramCount(h, bin) ? 1 : 0;
            }
        }
        return n;
    }

    private static Set<AggregateKey> union(SortedMap<AggregateKey, KpiDelta> a, SortedMap<AggregateKey, KpiDelta> b) {
        Set<AggregateKey> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }
}
