package io.deskpulse.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The differential oracle: the same events posted for a control tenant that saw no fault must give the very same
 * report, cell for cell. Rows are matched by their key (period and id, or ticket id); columns that depend on when
 * the work happened rather than on the events ({@code updated_at}) and on who the tenant is ({@code id} of the tenant
 * row) are left out. The same comparison holds a copy kept by incremental export against the listing.
 */
final class DifferentialOracle {

    private static final int EXAMPLES = 5;

    /** {@code cells} compared, {@code mismatches} among them (a missing row counts each of its cells). */
    record Diff(String table, int rows, long cells, long mismatches, List<String> examples) {
    }

    private DifferentialOracle() {
    }

    /** The control tenant's table against a faulted tenant's. */
    static Diff compare(String table, List<ObjectNode> control, List<ObjectNode> faulted, Function<ObjectNode, String> key,
            Set<String> ignored) {
        return compare(table, control, faulted, key, ignored, "control", "faulted");
    }

    /** {@code expectedSide} and {@code actualSide} name the two tables in the examples. */
    static Diff compare(String table, List<ObjectNode> expectedRows, List<ObjectNode> actualRows,
            Function<ObjectNode, String> key, Set<String> ignored, String expectedSide, String actualSide) {
        Map<String, ObjectNode> expected = byKey(expectedRows, key);
        Map<String, ObjectNode> actual = byKey(actualRows, key);
        Set<String> keys = new LinkedHashSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        long cells = 0;
        long mismatches = 0;
        List<String> examples = new ArrayList<>();
        for (String k : keys) {
            ObjectNode want = expected.get(k);
            ObjectNode got = actual.get(k);
            if (want == null || got == null) {
                int width = (want == null ? got : want).size();
                cells += width;
                mismatches += width;
                example(examples, table + " " + k + ": row only in the " + (want == null ? actualSide : expectedSide));
                continue;
            }
            Set<String> fields = new LinkedHashSet<>();
            want.fieldNames().forEachRemaining(fields::add);
            got.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                if (ignored.contains(field)) {
                    continue;
                }
                cells++;
                JsonNode a = want.get(field);
                JsonNode b = got.get(field);
                if (a == null || !a.equals(b)) {
                    mismatches++;
                    example(examples, table + " " + k + " " + field + ": " + expectedSide + " " + a + ", " + actualSide + " " + b);
                }
            }
        }
        return new Diff(table, keys.size(), cells, mismatches, examples);
    }

    static String kpiKey(ObjectNode row) {
        return row.path("period").asText() + "/" + (row.path("id").isNull() ? "(none)" : row.path("id").asText());
    }

    static String ticketKey(ObjectNode row) {
        return row.path("ticket_id").asText();
    }

    private static Map<String, ObjectNode> byKey(List<ObjectNode> rows, Function<ObjectNode, String> key) {
        Map<String, ObjectNode> map = new LinkedHashMap<>();
        rows.forEach(row -> map.put(key.apply(row), row));
        return map;
    }

    private static void example(List<String> examples, String text) {
        if (examples.size() < EXAMPLES) {
            examples.add(text);
        }
    }
}
