package io.deskpulse.reporting.rest.body;

import java.util.Map;

/**
 * The body of a report's 200: a record that Jackson writes as the JSON body, with an OpenAPI schema, its
 * description and examples on its components (the one source of the shape). {@link #csv} is the same page as CSV
 * records.
 */
public interface ReportBody {

    /** The cursor of the next page, null on the last; also sent as the Link header. */
    String nextCursor();

    /** The CSV body: the JSON rows' columns and values, or flat records of their own where the rows nest. */
    CsvRecords csv();

    /** Headers of a 200 that the CSV body has no place for. */
    default Map<String, String> headers() {
        return Map.of();
    }
}
