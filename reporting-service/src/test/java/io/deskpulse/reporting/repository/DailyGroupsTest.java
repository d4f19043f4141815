package io.deskpulse.reporting.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.reporting.domain.kpi.GroupTotals;
import io.deskpulse.reporting.domain.kpi.Histogram;
import io.deskpulse.reporting.domain.kpi.MetricCatalog;
import io.deskpulse.reporting.domain.kpi.PageKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DailyGroupsTest {

    private static final LocalDate NOV_2 = LocalDate.parse("2026-11-02");
    private static final LocalDate NOV_3 = LocalDate.parse("2026-11-03");

    private static DailyRows.Loaded row(LocalDate period, String member, long ticketsCreated, int... firstResponsePairs) {
        return row(period, member, null, 1, ticketsCreated, firstResponsePairs);
    }

    private static DailyRows.Loaded row(LocalDate period, String member, String rowKey, long version, long ticketsCreated,
            int... firstResponsePairs) {
        long[] sums = new long[MetricCatalog.SUMMED_COLUMNS.size()];
        sums[MetricCatalog.SUMMED_COLUMNS.indexOf("tickets_created")] = ticketsCreated;
        Histogram[] histograms = new Histogram[MetricCatalog.HISTOGRAM_COLUMNS.size()];
        java.util.Arrays.fill(histograms, Histogram.EMPTY);
        histograms[MetricCatalog.HISTOGRAM_COLUMNS.indexOf("first_response_hist")] = Histogram.ofPairs(firstResponsePairs);
        return new DailyRows.Loaded(new PageKey(period, member), rowKey, new AggregateRowCache.Row(version, sums, histograms));
    }

    @Test
    void rowsOfAGroupAddUpAndGroupsComeInPeriodThenCodePointOrder() {
        List<DailyRows.Loaded> rows = new ArrayList<>(List.of(
                row(NOV_3, "b", 1, 5, 1), row(NOV_2, "é", 2), row(NOV_2, "", 1), row(NOV_2, "Z", 3, 5, 1),
                row(NOV_2, "Z", 4, 5, 2, 9, 1), row(NOV_2, "\uD83D\uDE00", 1), row(NOV_2, "\uFFFD", 1)));

        List<GroupTotals> page = page(rows, null, 100);

        // '' first; then by code point as COLLATE "C" on UTF-8: Z (U+005A) < é (U+00E9) < U+FFFD < U+1F600,
        // although U+1F600 is a surrogate pair that UTF-16 order would put before U+FFFD
        assertThat(page).extracting(g -> g.key().member()).containsExactly("", "Z", "é", "\uFFFD", "\uD83D\uDE00", "b");
        GroupTotals z = page.get(1);
        assertThat(z.sum("tickets_created")).isEqualTo(7);
        assertThat(z.histogram("first_response_hist").bins()).containsExactly(5, 9);
        assertThat(z.histogram("first_response_hist").counts()).containsExactly(3L, 1L);
    }

    @Test
    void groupsWhoseSumsAreAllZeroAreLeftOutAndTheKeysetAndLimitApply() {
        List<DailyRows.Loaded> rows = List.of(row(NOV_2, "a", 0), row(NOV_2, "b", 1), row(NOV_2, "c", 1),
                row(NOV_3, "a", 1), row(NOV_3, "b", 1));

        assertThat(page(rows, null, 100)).extracting(GroupTotals::key).containsExactly(
                new PageKey(NOV_2, "b"), new PageKey(NOV_2, "c"), new PageKey(NOV_3, "a"), new PageKey(NOV_3, "b"));
        assertThat(page(rows, new PageKey(NOV_2, "b"), 2)).extracting(GroupTotals::key).containsExactly(
                new PageKey(NOV_2, "c"), new PageKey(NOV_3, "a"));
    }

    /** The rows in the order the database streams them (period, then member COLLATE "C"), into one page. */
    private static List<GroupTotals> page(List<DailyRows.Loaded> rows, PageKey after, int limit) {
        List<DailyRows.Loaded> sorted = new ArrayList<>(rows);
        sorted.sort(java.util.Comparator.comparing(DailyRows.Loaded::key, DailyGroups.ORDER));
        DailyGroups page = new DailyGroups(after, limit);
        for (DailyRows.Loaded row : sorted) {
            if (!page.test(row)) {
                break;
            }
        }
        return page.page();
    }

    @Test
    void thePageStopsTheStreamAtTheFirstRowOfTheGroupAfterItsLast() {
        DailyGroups page = new DailyGroups(null, 2);
        assertThat(page.test(row(NOV_2, "a", 1))).isTrue();
        assertThat(page.test(row(NOV_2, "a", 1))).isTrue();
        assertThat(page.test(row(NOV_2, "b", 0))).isTrue(); // no data: not a group of the page
        assertThat(page.test(row(NOV_2, "c", 1))).isTrue();
        assertThat(page.test(row(NOV_3, "a", 1))).isFalse();
        assertThat(page.page()).extracting(GroupTotals::key).containsExactly(new PageKey(NOV_2, "a"),
                new PageKey(NOV_2, "c"));
        assertThat(page.page().get(0).sum("tickets_created")).isEqualTo(2);
    }

    @Test
    void rowsOutOfOrderAreABugNotAWrongPage() {
        DailyGroups page = new DailyGroups(null, 10);
        page.test(row(NOV_3, "a", 1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> page.test(row(NOV_2, "b", 1)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSameRowsAtTheSameVersionsGiveTheMergedHistogramsOfBeforeAndAChangedRowANewMerge() {
        AggregateRowCache cache = new AggregateRowCache(AggregateRowCacheTest.config(1, java.time.Duration.ofHours(1)),
                java.time.Clock.systemUTC());
        // an agent's day: a row per channel; the database hands them in no particular order
        List<DailyRows.Loaded> first = List.of(row(NOV_2, "a", "2026-11-02\u001fchat", 7, 1, 5, 1),
                row(NOV_2, "a", "2026-11-02\u001femail", 8, 1, 5, 2, 9, 1), row(NOV_2, "b", "2026-11-02\u001fb", 3, 1, 4, 1));
        List<DailyRows.Loaded> again = List.of(first.get(1), first.get(0), first.get(2));

        GroupTotals a = cachedPage(cache, first).get(0);
        GroupTotals b = cachedPage(cache, first).get(1);
        Histogram merged = a.histogram("first_response_hist");
        assertThat(merged.bins()).containsExactly(5, 9);
        assertThat(merged.counts()).containsExactly(3L, 1L);
        assertThat(cachedPage(cache, again).get(0).histogram("first_response_hist")).isSameAs(merged);
        // a group of one row has that row's own histograms, nothing merged or cached for it
        assertThat(b.histogram("first_response_hist")).isSameAs(
                first.get(2).row().histograms()[MetricCatalog.HISTOGRAM_COLUMNS.indexOf("first_response_hist")]);

        // the e-mail row updated (a new version): merged again, with its new values
        List<DailyRows.Loaded> changed = List.of(first.get(0), row(NOV_2, "a", "2026-11-02\u001femail", 9, 1, 5, 2, 9, 4));
        Histogram remerged = cachedPage(cache, changed).get(0).histogram("first_response_hist");
        assertThat(remerged).isNotSameAs(merged);
        assertThat(remerged.counts()).containsExactly(3L, 4L);
        // the same rows in another table, tenant or generation are other rows
        DailyGroups other = new DailyGroups(null, 10, cache, "kpi_daily\u001eacme\u001e1");
        first.forEach(other::test);
        assertThat(other.page().get(0).histogram("first_response_hist")).isNotSameAs(merged).isEqualTo(merged);
    }

    private static List<GroupTotals> cachedPage(AggregateRowCache cache, List<DailyRows.Loaded> rows) {
        DailyGroups page = new DailyGroups(null, 10, cache, "kpi_daily\u001eacme\u001e0");
        rows.forEach(page::test);
        return page.page();
    }
}
