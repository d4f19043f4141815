package io.deskpulse.faults;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling for a condition of the stack, with a bound: the harness's own waits (it is not a test: no Awaitility). */
final class Waits {

    private Waits() {
    }

    /** Polls every {@code interval} until the condition holds; returns the milliseconds waited, or -1 at the bound. */
    static long until(BooleanSupplier condition, Duration bound, Duration interval) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return -1;
            }
            Thread.sleep(Math.max(1, interval.toMillis()));
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Like {@link #until}, failing the phase at the bound. */
    static void orFail(BooleanSupplier condition, Duration bound, String what) throws InterruptedException {
        if (until(condition, bound, Duration.ofMillis(100)) < 0) {
            throw new IllegalStateException(what + " did not happen within " + bound.toSeconds() + " s");
        }
    }

    static void seconds(int seconds) throws InterruptedException {
        Thread.sleep(seconds * 1000L);
    }

    /** "with a batch transaction open (waited 12 ms)" or why not. */
    static String batchOpen(long waitedMillis, Duration bound) {
        return waitedMillis >= 0 ? "with a batch transaction open (waited " + waitedMillis + " ms for one)"
                : "(no batch transaction seen open within " + bound.toSeconds() + " s)";
    }
}
