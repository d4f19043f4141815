package io.deskpulse.faults;

import java.time.Duration;
import java.util.Locale;

/**
 * Fault 5: a second scoring instance joins the consumer group mid-stream, takes partitions and applies batches, then
 * leaves (SIGTERM): the partitions move to it and back while records flow, and each move must neither skip nor
 * repeat a record. The stream is held at {@link #HOLD_AT} of its batches until the newcomer holds partitions (its JVM
 * may take longer to start than the rest of the stream lasts), then flows on while it works and leaves.
 */
final class Rebalance implements Fault {

    private static final Duration WORK_WAIT = Duration.ofSeconds(60);
    static final double HOLD_AT = 0.6;

    @Override
    public String name() {
        return "rebalance";
    }

    @Override
    public String summary() {
        return "a second scoring instance joins mid-stream, applies batches, and leaves (SIGTERM)";
    }

    @Override
    public Injection inject(Target target) throws Exception {
        Stack stack = target.stack();
        LoadClient.Run load = target.load();
        ServiceProcess second = stack.scoring2();
        load.holdAt((int) (load.batches() * HOLD_AT));
        long injected = System.nanoTime();
        int partitions;
        try {
            second.start();
            second.awaitReady(Stack.READY);
            Waits.orFail(() -> stack.group.partitionsOf(Stack.SCORING_2) > 0, WORK_WAIT, "scoring-2 taking partitions");
            partitions = stack.group.partitionsOf(Stack.SCORING_2);
        } finally {
            load.release();
        }
        double ready = (System.nanoTime() - injected) / 1e9;
        long waited = Waits.until(() -> load.done() || ScoringMetrics.applied(second) > 0, WORK_WAIT,
                Duration.ofMillis(100));
        double applied = ScoringMetrics.applied(second);
        long leaving = System.nanoTime();
        second.stop();
        return new Injection(injected, System.nanoTime(), String.format(Locale.ROOT,
                "scoring-2 started (holding %d of 6 partitions after %.1f s), applied %.0f events%s, "
                        + "then left (SIGTERM) %.1f s after it started", partitions, ready, applied,
                applied > 0 ? "" : waited < 0 ? " (none within " + WORK_WAIT.toSeconds() + " s)"
                        : " (the stream was over before it had any)",
                (leaving - injected) / 1e9));
    }
}
