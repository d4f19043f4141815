package io.deskpulse.reporting.rest.body;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A CSV body: the header row's columns, and one list of values per record. */
public record CsvRecords(List<String> columns, List<List<Object>> rows) {

    /**
     * One record per row, its fields the row's components in order, named as in JSON: so the CSV of rows that do not
     * nest has the JSON rows' columns, from the one record that declares them.
     */
    static <R extends Record> CsvRecords of(Class<R> type, List<R> rows) {
        RecordComponent[] components = type.getRecordComponents();
        List<String> columns = Arrays.stream(components).map(CsvRecords::name).toList();
        List<List<Object>> records = new ArrayList<>(rows.size());
        try {
            for (R row : rows) {
                List<Object> values = new ArrayList<>(components.length);
                for (RecordComponent component : components) {
                    values.add(component.getAccessor().invoke(row));
                }
                records.add(values);
            }
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read the components of " + type, e);
        }
        return new CsvRecords(columns, records);
    }

    /** A component's JSON name: its {@code @JsonProperty} (which Java puts on the accessor), else its own. */
    static String name(RecordComponent component) {
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        return property != null && !property.value().isEmpty() ? property.value() : component.getName();
    }
}
