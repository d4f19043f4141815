package io.deskpulse.benchmark;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What Linux says about the processes of the stack: resident memory (VmRSS, peak VmHWM, PSS) and CPU time, read
 * from /proc. Services are found by pid (deploy/local/.run/*.pid, or given); PostgreSQL as every process named
 * {@code postgres}. Used for the memory figures and for the CPU each process spends during each phase.
 */
public final class ProcessProbe {

    static final List<String> SERVICES = List.of("ingestion-service", "scoring-service", "reporting-service");
    static final String BROKER = "kafka";
    static final String POSTGRES = "postgresql";
    static final String HARNESS = "benchmark";
    /** Processes the harness started and waited for: Kafka's ProducerPerformance. */
    static final String CHILDREN = "producer-perf";
    /** USER_HZ: the unit of the CPU times in /proc; 100 on every Linux architecture Java runs on here. */
    static final double CLOCK_TICKS = 100.0;

    private final Map<String, Long> pids = new LinkedHashMap<>();

    public ProcessProbe(Path pidDir, Map<String, Long> explicit) {
        if (pidDir != null) {
            for (String service : SERVICES) {
                readPid(pidDir.resolve(service + ".pid")).ifPresent(pid -> pids.put(service, pid));
            }
            readPid(pidDir.resolve("kafka").resolve("kafka.pid")).ifPresent(pid -> pids.put(BROKER, pid));
        }
        pids.putAll(explicit);
        pids.put(HARNESS, ProcessHandle.current().pid());
    }

    public Map<String, Long> pids() {
        return pids;
    }

    public boolean available() {
        return Files.isReadable(Path.of("/proc/self/stat"));
    }

    private static OptionalLong readPid(Path file) {
        try {
            if (Files.isReadable(file)) {
                long pid = Long.parseLong(Files.readString(file).trim());
                if (Files.exists(Path.of("/proc/" + pid))) {
                    return OptionalLong.of(pid);
                }
            }
        } catch (IOException | NumberFormatException ignored) {
            // not running
        }
        return OptionalLong.empty();
    }

    /** CPU ticks (user + system) per watched process, PostgreSQL summed, and the whole machine's busy ticks. */
    public Map<String, Long> cpuTicks() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            long t = ticks(pid);
            if (t >= 0) {
                ticks.put(name, t);
            }
        });
        long postgres = 0;
        for (long pid : postgresPids()) {
            postgres += Math.max(0, ticks(pid));
        }
        ticks.put(POSTGRES, postgres);
        ticks.put(CHILDREN, childTicks());
        ticks.put("machine", machineBusyTicks());
        return ticks;
    }

    /** Cores used per process between two snapshots {@code seconds} apart; "other" is the rest of the machine. */
    public static Results.Cpu cores(Map<String, Long> before, Map<String, Long> after, double seconds) {
        Results.Cpu cpu = new Results.Cpu();
        cpu.seconds = round(seconds, 1);
        double known = 0;
        for (Map.Entry<String, Long> entry : after.entrySet()) {
            Long start = before.get(entry.getKey());
            if (start == null || entry.getKey().equals("machine") || seconds <= 0) {
                continue;
            }
            double cores = (entry.getValue() - start) / CLOCK_TICKS / seconds;
            cpu.cores.put(entry.getKey(), round(cores, 2));
            known += cores;
        }
        Long machineBefore = before.get("machine");
        Long machineAfter = after.get("machine");
        if (machineBefore != null && machineAfter != null && seconds > 0) {
            double machine = (machineAfter - machineBefore) / CLOCK_TICKS / seconds;
            cpu.cores.put("other", round(Math.max(0, machine - known), 2));
            cpu.cores.put("machine", round(machine, 2));
        }
        return cpu;
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state is field 3 of proc(5); utime 14, stime 15
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** cutime + cstime of this JVM: the CPU of the child processes it has waited for. */
    private static long childTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long machineBusyTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(fields[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Peak and current RSS of a process, from /proc/<pid>/status. */
    public Results.Proc memory(String name) {
        Long pid = pids.get(name);
        if (pid == null) {
            Results.Proc missing = new Results.Proc();
            missing.name = name;
            missing.note = "pid unknown: not measured";
            return missing;
        }
        return memory(name, pid);
    }

    static Results.Proc memory(String name, long pid) {
        Results.Proc proc = new Results.Proc();
        proc.name = name;
        proc.pid = pid;
        Map<String, Long> status = status(pid);
        if (status.isEmpty()) {
            proc.note = "process " + pid + " not readable (gone?)";
            return proc;
        }
        proc.peakRssMb = mb(status.get("VmHWM"));
        proc.rssMb = mb(status.get("VmRSS"));
        return proc;
    }

    /** PostgreSQL: the sum of PSS over its processes (shared buffers counted once), and the sum of their RSS. */
    public Results.Proc postgres() {
        Results.Proc proc = new Results.Proc();
        proc.name = POSTGRES;
        List<Long> pgPids = postgresPids();
        proc.processes = pgPids.size();
        if (pgPids.isEmpty()) {
            proc.note = "no process named postgres visible on this machine";
            return proc;
        }
        long rss = 0;
        long pss = 0;
        boolean pssReadable = true;
        for (long pid : pgPids) {
            Long r = status(pid).get("VmRSS");
            rss += r == null ? 0 : r;
            long p = pss(pid);
            if (p < 0) {
                pssReadable = false;
            } else {
                pss += p;
            }
        }
        proc.rssMb = mb(rss);
        if (pssReadable) {
            proc.pssMb = mb(pss);
        } else {
            proc.note = "PSS not readable (needs the same user or root); RSS sums count shared memory once per process";
        }
        return proc;
    }

    static List<Long> postgresPids() {
        List<Long> found = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path dir : dirs) {
                try {
                    if (Files.readString(dir.resolve("comm")).trim().equals("postgres")) {
                        found.add(Long.parseLong(dir.getFileName().toString()));
                    }
                } catch (IOException | NumberFormatException ignored) {
                    // gone meanwhile
                }
            }
        } catch (IOException ignored) {
            // no /proc
        }
        return found;
    }

    static Map<String, Long> status(long pid) {
        Map<String, Long> values = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:") || line.startsWith("VmRSS:")) {
                    String[] parts = line.split("\\s+");
                    values.put(line.substring(0, 5), Long.parseLong(parts[1]));
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // gone
        }
        return values;
    }

    private static long pss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.split("\\s+")[1]);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not ours to read
        }
        return -1;
    }

    private static Double mb(Long kb) {
        return kb == null ? null : round(kb / 1024.0, 1);
    }
}
