package io.deskpulse.benchmark;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The machine the figures come from: cores, memory, JDK, versions, date. */
final class MachineInfo {

    private MachineInfo() {
    }

    static void fill(Context ctx, Results.Machine machine) {
        machine.cores = Runtime.getRuntime().availableProcessors();
        machine.cpuModel = firstValue(Path.of("/proc/cpuinfo"), "model name");
        String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal");
        if (memory != null) {
            machine.memoryMb = Long.parseLong(memory.replaceAll("[^0-9]", "")) / 1024;
        }
        machine.os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
        machine.jdk = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (harness; the local stack runs the same java)";
        try (Connection connection = ctx.database(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW server_version")) {
            rs.next();
            machine.postgresql = rs.getString(1);
        } catch (Exception e) {
            machine.postgresql = "unknown (" + e.getMessage() + ")";
        }
        machine.kafka = kafkaVersion(ctx.options.kafkaLibs);
        machine.stack = "Quarkus 3.37.1 services (kafka-clients 4.2.1)" + (ctx.options.stackInfo.isBlank() ? "" : "; "
                + ctx.options.stackInfo);
        machine.date = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String kafkaVersion(Path libs) {
        if (libs == null || !Files.isDirectory(libs)) {
            return "broker version unknown (no --kafka-libs)";
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(libs, "kafka_2.13-*.jar")) {
            for (Path jar : jars) {
                String name = jar.getFileName().toString();
                return "Apache Kafka " + name.substring("kafka_2.13-".length(), name.length() - 4)
                        + " (KRaft, single node), ProducerPerformance from the same jars";
            }
        } catch (IOException ignored) {
            // unknown
        }
        return "unknown";
    }

    private static String firstValue(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException ignored) {
            // not Linux
        }
        return null;
    }

    /** The 1, 5 and 15 minute load averages of /proc/loadavg ("?" where there is none). */
    static String loadAverage() {
        try {
            String[] parts = java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }
}
