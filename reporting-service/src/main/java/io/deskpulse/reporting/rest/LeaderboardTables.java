package io.deskpulse.reporting.rest;

import io.deskpulse.reporting.domain.leaderboard.LeaderboardPage;
import io.deskpulse.reporting.domain.leaderboard.LeaderboardQuery;
import io.deskpulse.reporting.domain.leaderboard.LeaderboardRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A leaderboard page as a {@link Table}: the query echoed, then rank, id, value, volume, eligible. */
final class LeaderboardTables {

    static final List<String> COLUMNS = List.of("rank", "id", "value", "volume", "eligible");

    private LeaderboardTables() {
    }

    static Table of(LeaderboardPage page) {
        LeaderboardQuery q = page.query();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("metric", q.ranked().metric().name());
        header.put("direction", q.ranked().direction());
        header.put("volume_metric", q.ranked().volume().name());
        header.put("min_volume", q.minVolume());
        header.put("dimension", q.dimension().label());
        header.put("tz", q.zone().getId());
        header.put("from", q.from());
        header.put("to", q.to());
        List<List<Object>> rows = new ArrayList<>();
        for (LeaderboardRow row : page.rows()) {
            rows.add(Arrays.asList(row.rank(), row.id(), row.value(), row.volume(), row.eligible()));
        }
        return new Table(header, COLUMNS, rows, page.nextCursor());
    }
}
