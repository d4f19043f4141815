package io.deskpulse.faults;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the shell functions of deploy/local/lib.sh, so that the suite starts PostgreSQL clusters and Kafka brokers
 * exactly as the local stack's scripts do (one definition of a broker's settings, of how PostgreSQL runs as its OS
 * user). Output goes to a log file; a function that fails (dp_die) fails the call with the end of that log.
 */
final class Shell {

    private final Path lib;
    private final Path log;

    Shell(Path lib, Path log) {
        if (!Files.isRegularFile(lib)) {
            throw new IllegalStateException(lib + " is missing: --root must be the DeskPulse checkout");
        }
        this.lib = lib;
        this.log = log;
    }

    void run(Duration timeout, String function, Object... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "-c", "set -euo pipefail; source \"$0\"; \"$@\"",
                lib.toString(), function));
        for (Object arg : args) {
            command.add(String.valueOf(arg));
        }
        Files.createDirectories(log.getParent());
        // A broker started here outlives the shell: it must not hold a pipe of ours open.
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IOException(function + " did not finish within " + timeout.toSeconds() + " s (log: " + log + ")");
        }
        if (process.exitValue() != 0) {
            throw new IOException(function + " failed with exit code " + process.exitValue() + ": " + tail() + " (log: "
                    + log + ")");
        }
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }
}
