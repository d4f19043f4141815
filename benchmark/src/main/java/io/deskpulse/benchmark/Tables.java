package io.deskpulse.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Result tables (title, header, rows) rendered as Markdown for the docs or as aligned text for the terminal, and the
 * generated section of a docs page they go into. Shared by the harnesses that write into docs/: the benchmark and
 * the fault suite.
 */
public final class Tables {

    /** A cell may hold {@code **bold**}: kept in Markdown, dropped in text. */
    public record Table(String title, List<String> header, List<List<String>> rows) {
    }

    public static final String START = "<!-- results:start -->";
    public static final String END = "<!-- results:end -->";

    private Tables() {
    }

    public static String markdown(List<Table> tables) {
        StringBuilder md = new StringBuilder();
        for (Table table : tables) {
            md.append("\n#### ").append(table.title()).append("\n\n");
            md.append("| ").append(String.join(" | ", table.header())).append(" |\n");
            md.append("|").append("---|".repeat(table.header().size())).append("\n");
            for (List<String> row : table.rows()) {
                md.append("| ");
                for (int i = 0; i < row.size(); i++) {
                    md.append(i == 0 ? "" : " | ").append(row.get(i).replace("|", "\\|"));
                }
                md.append(" |\n");
            }
        }
        return md.toString();
    }

    public static String text(List<Table> tables) {
        StringBuilder out = new StringBuilder();
        for (Table table : tables) {
            out.append("\n").append(table.title()).append("\n");
            int[] widths = new int[table.header().size()];
            List<List<String>> all = new ArrayList<>();
            all.add(table.header());
            all.addAll(table.rows());
            for (List<String> row : all) {
                for (int i = 0; i < row.size() && i < widths.length; i++) {
                    widths[i] = Math.min(Math.max(widths[i], plain(row.get(i)).length()), i == widths.length - 1 ? 200 : 60);
                }
            }
            for (List<String> row : all) {
                StringBuilder line = new StringBuilder("  ");
                for (int i = 0; i < row.size() && i < widths.length; i++) {
                    String cell = plain(row.get(i));
                    line.append(i == row.size() - 1 ? cell : String.format("%-" + widths[i] + "s  ", cell));
                }
                out.append(line.toString().stripTrailing()).append("\n");
            }
        }
        return out.toString();
    }

    /**
     * Replaces what lies between the markers with {@code generated}, keeping the rest of the page; a page without the
     * markers gets them, with the section, at its end.
     */
    public static void replaceSection(Path file, String generated) throws IOException {
        String section = START + "\n" + generated + END;
        String page = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        int start = page.indexOf(START);
        int end = page.indexOf(END);
        String updated;
        if (start >= 0 && end > start) {
            updated = page.substring(0, start) + section + page.substring(end + END.length());
        } else {
            updated = page + (page.isEmpty() || page.endsWith("\n") ? "" : "\n") + "\n" + section + "\n";
        }
        Files.writeString(file, updated, StandardCharsets.UTF_8);
    }

    private static String plain(String cell) {
        return cell.replace("**", "");
    }
}
