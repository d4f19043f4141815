package io.deskpulse.faults;

import java.time.Duration;
import java.util.Locale;

/** Fault 1: scoring-service killed (SIGKILL) in the middle of a batch transaction, then started again. */
final class ScoringKill implements Fault {

    static final Duration BATCH_WAIT = Duration.ofSeconds(5);

    @Override
    public String name() {
        return "scoring-kill";
    }

    @Override
    public String summary() {
        return "SIGKILL of scoring-service while a batch transaction is open; restarted";
    }

    @Override
    public Injection inject(Target target) throws Exception {
        Stack stack = target.stack();
        long waited = Waits.until(() -> stack.database.batchOpen(Stack.SCORING_1), BATCH_WAIT, Duration.ofMillis(2));
        long pid = stack.scoring.pid();
        long injected = System.nanoTime();
        stack.scoring.kill();
        String restart = Restarts.service(stack.scoring, stack.profile.downSeconds(), injected);
        return new Injection(injected, System.nanoTime(), String.format(Locale.ROOT, "SIGKILL of scoring-service (pid %d) %s; %s",
                pid, Waits.batchOpen(waited, BATCH_WAIT), restart));
    }
}
