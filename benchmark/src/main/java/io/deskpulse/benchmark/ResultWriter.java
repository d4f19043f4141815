package io.deskpulse.benchmark;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the results: JSON, and the generated section of a Markdown page. */
final class ResultWriter {

    static final String START = "<!-- results:start -->";
    static final String END = "<!-- results:end -->";

    static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.PUBLIC_ONLY)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ResultWriter() {
    }

    static void json(Results results, Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, JSON.writeValueAsString(results) + "\n", StandardCharsets.UTF_8);
    }

    static Results read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), Results.class);
    }

    /**
     * Replaces what lies between the markers with the generated tables, keeping the rest of the page; a page
     * without the markers gets them, with the tables, at its end.
     */
    static void markdown(Results results, Path file) throws IOException {
        String generated = START + "\n" + ReportTables.markdown(results) + END;
        String page = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        int start = page.indexOf(START);
        int end = page.indexOf(END);
        String updated;
        if (start >= 0 && end > start) {
            updated = page.substring(0, start) + generated + page.substring(end + END.length());
        } else {
            updated = page + (page.isEmpty() || page.endsWith("\n") ? "" : "\n") + "\n" + generated + "\n";
        }
        Files.writeString(file, updated, StandardCharsets.UTF_8);
    }
}
