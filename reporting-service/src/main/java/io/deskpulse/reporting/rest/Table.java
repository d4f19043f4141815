package io.deskpulse.reporting.rest;

import java.util.List;
import java.util.Map;

/**
 * One page of any report, as both representations write it: the JSON body is the {@code header}
 * fields, then {@code rows} (one object per row, keys in column order), then {@code next_cursor}, then
 * the {@code trailer} fields; the CSV body is a header row of the columns and one record per row.
 * Values are null, String, Boolean, Integer, Long, Double, a date or instant (written as ISO-8601
 * text), or a List of such (a JSON array; in CSV the array's JSON text). {@code headers}: response headers
 * that go with a 200 (what a CSV body has no place for).
 */
public record Table(Map<String, Object> header, List<String> columns, List<List<Object>> rows, String nextCursor,
        Map<String, Object> trailer, Map<String, String> headers) {

    public Table(Map<String, Object> header, List<String> columns, List<List<Object>> rows, String nextCursor) {
        this(header, columns, rows, nextCursor, Map.of(), Map.of());
    }
}
