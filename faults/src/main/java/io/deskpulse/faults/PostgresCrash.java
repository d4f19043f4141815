package io.deskpulse.faults;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Fault 4: PostgreSQL crashes (immediate shutdown: SIGQUIT to the postmaster) within milliseconds of scoring
 * committing a batch, and starts again: crash recovery. The batch then in flight is lost with its offsets, and
 * scoring must apply its records again, once. A commit is durable before anyone sees it, so the stored offsets must
 * come back as they were and no transaction id a reader saw is handed out again; the phase reports it if they do not
 * (scoring once committed without waiting for the WAL flush, which could do both).
 */
final class PostgresCrash implements Fault {

    private static final Duration BATCH_WAIT = Duration.ofSeconds(5);

    @Override
    public String name() {
        return "postgres-crash";
    }

    @Override
    public String summary() {
        return "PostgreSQL crashes (immediate shutdown) right after a scoring commit, then starts (crash recovery)";
    }

    @Override
    public Injection inject(Target target) throws Exception {
        Stack stack = target.stack();
        ScoringDatabase database = stack.database;
        long open = Waits.until(() -> database.batchOpen(Stack.SCORING_1), BATCH_WAIT, Duration.ofMillis(2));
        long committed = open < 0 ? -1 : Waits.until(() -> !database.batchOpen(Stack.SCORING_1), BATCH_WAIT,
                Duration.ofMillis(1));
        Map<Integer, Long> before = database.offsets();
        long nextBefore = database.nextTransactionId();
        long injected = System.nanoTime();
        stack.postgres.crash();
        Waits.seconds(stack.profile.downSeconds());
        stack.postgres.start();
        long restored = System.nanoTime();
        // at once, before scoring's next attempt (its backoff) applies the lost records again
        Map<Integer, Long> after = database.offsets();
        long nextAfter = database.nextTransactionId();
        return new Injection(injected, restored, String.format(Locale.ROOT,
                "SIGQUIT to the postmaster %s; started after %d s, accepting connections %.1f s after the crash; %s",
                committed >= 0 ? "just after a batch committed" : "(no commit of scoring-1 seen within "
                        + BATCH_WAIT.toSeconds() + " s)", stack.profile.downSeconds(), (restored - injected) / 1e9,
                lostCommits(before, after)) + reusedIds(nextBefore, nextAfter));
    }

    /** Transaction ids the lost commits had, handed out again after recovery. */
    static String reusedIds(long nextBefore, long nextAfter) {
        return nextBefore > 0 && nextAfter > 0 && nextAfter < nextBefore
                ? "; the next transaction id went back from " + nextBefore + " to " + nextAfter + ": "
                        + (nextBefore - nextAfter) + " ids are handed out again"
                : "";
    }

    /** What the crash took back, as the stored offsets show it. */
    static String lostCommits(Map<Integer, Long> before, Map<Integer, Long> after) {
        if (before.isEmpty() || after.isEmpty()) {
            return "the stored offsets could not be compared";
        }
        long records = 0;
        int partitions = 0;
        for (Map.Entry<Integer, Long> partition : before.entrySet()) {
            long back = partition.getValue() - after.getOrDefault(partition.getKey(), -1L);
            if (back > 0) {
                records += back;
                partitions++;
            }
        }
        return records == 0 ? "no commit was lost (the stored offsets came back as they were)"
                : "the crash took commits with it: the stored offsets of " + partitions + " partition(s) went back by "
                        + records + " records, which scoring had to apply again";
    }
}
