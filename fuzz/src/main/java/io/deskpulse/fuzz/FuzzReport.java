package io.deskpulse.fuzz;

import java.util.Map;
import java.util.TreeSet;

/** The results as Markdown: the generated part of docs/security.md's "Fuzzing" section. */
final class FuzzReport {

    static final String BEGIN = "<!-- fuzz-results:begin (written by deploy/local/fuzz.sh) -->";
    static final String END = "<!-- fuzz-results:end -->";

    private FuzzReport() {
    }

    static String rewrite(String document, FuzzResults results, Options options) {
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException("the document has no " + BEGIN + " ... " + END + " block");
        }
        return document.substring(0, begin + BEGIN.length()) + "\n" + table(results, options) + document.substring(end);
    }

    static String table(FuzzResults results, Options options) {
        StringBuilder out = new StringBuilder();
        out.append("Last run: seed ").append(results.seed).append(", ").append(results.requests).append(" requests (")
                .append(results.slowRequests).append(" of them slow bodies of ").append(options.slowSeconds)
                .append(" s), ").append(options.threads).append(" in flight, ").append(results.seconds).append(" s. ")
                .append("Server errors: ").append(results.serverErrors).append(". Findings: ")
                .append(results.findings.size()).append(". Failed checks: ").append(results.failures.size())
                .append(". Events accepted by 202 answers: ").append(results.acceptedEvents)
                .append("; records of the fuzz tenant on the topic: ").append(results.topicRecords).append(".");
        if (results.isolation != null) {
            out.append(" Isolation matrix: ").append(results.isolation.checks).append(" requests, ")
                    .append(results.isolation.violations.size()).append(" violations.");
        }
        out.append("\n\n");
        appendTable(out, "Endpoint", results.byEndpoint);
        out.append("\n");
        appendTable(out, "Generator", results.byGenerator);
        out.append("\n4xx answered before any application code, not problem+json: ")
                .append(results.beforeTheApplication).append(".\n");
        out.append("\nStatus -1: the connection closed without an answer (the server's limit on a slow or flooding ")
                .append("client).\n");
        return out.toString();
    }

    private static void appendTable(StringBuilder out, String what, Map<String, Map<Integer, Long>> counts) {
        TreeSet<Integer> statuses = new TreeSet<>();
        counts.values().forEach(m -> statuses.addAll(m.keySet()));
        out.append("| ").append(what).append(" |");
        statuses.forEach(s -> out.append(' ').append(s).append(" |"));
        out.append(" total |\n|---|");
        statuses.forEach(s -> out.append("---:|"));
        out.append("---:|\n");
        for (Map.Entry<String, Map<Integer, Long>> row : counts.entrySet()) {
            out.append("| `").append(row.getKey()).append("` |");
            statuses.forEach(s -> out.append(' ').append(row.getValue().getOrDefault(s, 0L)).append(" |"));
            out.append(' ').append(row.getValue().values().stream().mapToLong(Long::longValue).sum()).append(" |\n");
        }
    }
}
