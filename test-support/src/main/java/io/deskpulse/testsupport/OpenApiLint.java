package io.deskpulse.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Lints an OpenAPI document with the real Redocly CLI ({@code @redocly/cli}, its recommended rules), run by npx from
 * the npm packages that {@code deploy/local/test.sh} installs into the cache ({@code DESKPULSE_NODE_TOOLS}, else
 * {@code ~/.cache/deskpulse/node}).
 */
public final class OpenApiLint {

    /** The version test.sh installs. */
    public static final String REDOCLY_VERSION = "2.77.0";

    /** One problem Redocly reports: its rule, severity (error or warn), message and where (a JSON pointer). */
    public record Problem(String rule, String severity, String message, String pointer) {
        @Override
        public String toString() {
            return severity + " " + rule + " at " + pointer + ": " + message;
        }
    }

    private OpenApiLint() {
    }

    /** The problems of the document (JSON or YAML text), written as {@code file} for Redocly to read. */
    public static List<Problem> lint(String document, Path file) throws IOException, InterruptedException {
        Path tools = tools();
        if (!Files.exists(tools.resolve("node_modules").resolve("@redocly").resolve("cli").resolve("package.json"))) {
            throw new IllegalStateException("@redocly/cli is not installed in " + tools + ": run deploy/local/test.sh, "
                    + "which installs @redocly/cli@" + REDOCLY_VERSION + " there (npm)");
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, document);
        Path report = Files.createTempFile("redocly", ".json");
        try {
            Process process = new ProcessBuilder("npx", "--no-install", "redocly", "lint", "--extends=recommended",
                    "--format=json", file.toAbsolutePath().toString())
                    .directory(tools.toFile()).redirectOutput(report.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("redocly lint did not finish in 5 minutes");
            }
            return problems(Files.readString(report));
        } finally {
            Files.deleteIfExists(report);
        }
    }

    static List<Problem> problems(String json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        if (root == null || !root.has("problems")) {
            throw new IllegalStateException("redocly lint did not report: " + json);
        }
        List<Problem> problems = new ArrayList<>();
        for (JsonNode problem : root.get("problems")) {
            problems.add(new Problem(problem.path("ruleId").asText(), problem.path("severity").asText(),
                    problem.path("message").asText(), problem.path("location").path(0).path("pointer").asText()));
        }
        return problems;
    }

    /** Where test.sh installs the npm packages of the tests (as deploy/local/lib.sh computes it). */
    static Path tools() {
        String set = System.getenv("DESKPULSE_NODE_TOOLS");
        if (set != null && !set.isBlank()) {
            return Path.of(set);
        }
        String cache = System.getenv("DESKPULSE_CACHE_DIR");
        if (cache == null || cache.isBlank()) {
            String xdg = System.getenv("XDG_CACHE_HOME");
            String home = System.getenv("HOME");
            cache = (xdg != null && !xdg.isBlank() ? xdg : (home != null ? home : System.getProperty("user.home"))
                    + "/.cache") + "/deskpulse";
        }
        return Path.of(cache, "node");
    }
}
