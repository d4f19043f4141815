package io.deskpulse.reporting.rest;

import java.util.List;
import java.util.Map;

/**
 * One page of any report, as both representations write it: the JSON body is the {@code header}
 * fields, then {@code rows} (one object per row, keys in column order), then {@code next_cursor}, then
 * the {@code trailer} fields; the CSV body is a header row of the columns and one record per row.
 * Values are null, String, Boolean, Integer, Long, Double, BigDecimal, a date or instant (written as
 * ISO-8601 text), a List of such (a JSON array) or a Map of such (a JSON object, in its own order); in CSV
 * a List or Map is its JSON text. {@code headers}: response headers that go with a 200 (what a CSV body has
 * no place for). {@code csv}: the CSV records when they are not the JSON rows, for reports whose rows nest
 * (a scorecard's KPIs): BI tools want one flat record per line, so the CSV flattens them (null: the rows).
 */
public record Table(Map<String, Object> header, List<String> columns, List<List<Object>> rows, String nextCursor,
        Map<String, Object> trailer, Map<String, String> headers, Records csv) {

    /** Flat CSV records: the header row's columns and one list of values per record. */
    public record Records(List<String> columns, List<List<Object>> rows) {
    }

    public Table(Map<String, Object> header, List<String> columns, List<List<Object>> rows, String nextCursor) {
        this(header, columns, rows, nextCursor, Map.of(), Map.of(), null);
    }

    /** The same page with its own CSV records. */
    public Table withCsv(List<String> csvColumns, List<List<Object>> csvRows) {
        return new Table(header, columns, rows, nextCursor, trailer, headers, new Records(csvColumns, csvRows));
    }

    /** What the CSV body holds: {@link #csv} when set, else the rows. */
    public Records csvRecords() {
        return csv != null ? csv : new Records(columns, rows);
    }
}
