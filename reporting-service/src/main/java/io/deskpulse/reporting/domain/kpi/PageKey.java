package io.deskpulse.reporting.domain.kpi;

import java.time.LocalDate;

/**
 * The sort key of a report row: its period and its member as stored ({@code ''} for "nothing
 * credited"). Rows are ordered by period, then by member in byte order (COLLATE "C"), so the order
 * and the keyset paging never depend on the database's locale.
 */
public record PageKey(LocalDate period, String member) {
}
