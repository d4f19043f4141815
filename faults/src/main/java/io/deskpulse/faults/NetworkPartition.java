package io.deskpulse.faults;

import java.time.Duration;
import java.util.Locale;

/**
 * Fault 6: the network between one scoring instance and PostgreSQL black-holed for longer than scoring's lock
 * timeout, while a second instance, which still reaches PostgreSQL, works on the other partitions. The cut instance
 * is caught with a batch transaction open that has locked rows of the team-day rollup, which both instances' batches
 * write: those locks stay held on the server for the whole partition, and the other instance's batches that need
 * those rows wait, hit the lock timeout, and are retried.
 *
 * <p>Two endings. {@code partition}: the network comes back before TCP gives up, and every connection carries on
 * where it stopped. {@code partition-cut}: the partition outlasts TCP on scoring's side, which resets its
 * connections, while the server never hears of it (the reset is lost in the partition too): the server keeps the
 * sessions, idle in their open transactions, with their locks. Only the server can end them.
 */
final class NetworkPartition implements Fault {

    private static final Duration PREPARE = Duration.ofSeconds(60);

    private final boolean cut;

    NetworkPartition(boolean cut) {
        this.cut = cut;
    }

    @Override
    public String name() {
        return cut ? "partition-cut" : "partition";
    }

    @Override
    public String summary() {
        return cut ? "as partition, but scoring-1's side gives its connections up while the server keeps their sessions "
                + "and locks"
                : "scoring-1 cut from PostgreSQL (black-holed, no connection closed) for longer than the lock timeout "
                        + "while scoring-2 works on";
    }

    @Override
    public void prepare(Stack stack) throws Exception {
        ServiceProcess second = stack.scoring2();
        second.start();
        second.awaitReady(Stack.READY);
        Waits.orFail(() -> stack.group.partitionsOf(Stack.SCORING_1) > 0 && stack.group.partitionsOf(Stack.SCORING_2) > 0,
                PREPARE, "both scoring instances holding partitions");
    }

    @Override
    public Injection inject(Target target) throws Exception {
        Stack stack = target.stack();
        ServiceProcess second = stack.scoring2();
        double failuresBefore = ScoringMetrics.transientFailures(second);
        long waited = Waits.until(() -> stack.database.sharedRowsLocked(Stack.SCORING_1), ScoringKill.BATCH_WAIT,
                Duration.ofMillis(1));
        long injected = System.nanoTime();
        stack.proxy.blackHole();
        Waits.seconds(stack.profile.partitionSeconds());
        String ending;
        if (cut) {
            ending = stack.proxy.cutClients() + " connections reset on scoring-1's side, their server sessions left open";
        } else {
            stack.proxy.heal();
            ending = "then healed";
        }
        long restored = System.nanoTime();
        return new Injection(injected, restored, String.format(Locale.ROOT,
                "scoring-1's connections to PostgreSQL black-holed %s for %d s (lock timeout %s), %s; scoring-2 retried "
                        + "%.0f failed batches meanwhile", waited >= 0
                        ? "while a batch of it held team-day rows (waited " + waited + " ms for one)"
                        : "(no batch of it seen holding team-day rows within " + ScoringKill.BATCH_WAIT.toSeconds() + " s)",
                stack.profile.partitionSeconds(), stack.profile.lockTimeout(), ending,
                ScoringMetrics.transientFailures(second) - failuresBefore));
    }

    @Override
    public void cleanup(Stack stack) throws Exception {
        stack.proxy.releaseOrphans();
        stack.scoring2().stop();
    }
}
