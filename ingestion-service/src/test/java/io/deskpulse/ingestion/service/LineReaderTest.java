package io.deskpulse.ingestion.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    private static List<String> lines(String body, int max) throws Exception {
        LineReader reader = new LineReader(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), max);
        List<String> lines = new ArrayList<>();
        for (int n = reader.next(); n != LineReader.END; n = reader.next()) {
            lines.add(n == LineReader.TOO_LONG ? "<too long>" : new String(reader.line(), 0, n, StandardCharsets.UTF_8));
        }
        return lines;
    }

    @Test
    void splitsOnLfAndCrlfAndKeepsALastLineWithoutNewline() throws Exception {
        assertThat(lines("a\r\nbb\n\nccc", 100)).containsExactly("a", "bb", "", "ccc");
        assertThat(lines("a\n", 100)).containsExactly("a");
        assertThat(lines("", 100)).isEmpty();
    }

    @Test
    void skipsOverLongLinesWithoutLosingTheNext() throws Exception {
        String longLine = "x".repeat(200_000);
        assertThat(lines("ok\n" + longLine + "\nnext\n", 1000)).containsExactly("ok", "<too long>", "next");
    }

    @Test
    void linesSpanningReadChunksAreWhole() throws Exception {
        String line = "y".repeat(100_000);
        assertThat(lines(line + "\n" + line, 200_000)).containsExactly(line, line);
    }
}
