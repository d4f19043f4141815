package io.deskpulse.faults;

import java.time.Duration;
import java.util.Locale;

/** Fault 2: ingestion-service killed (SIGKILL) with requests in flight, then started again. */
final class IngestionKill implements Fault {

    private static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(5);

    @Override
    public String name() {
        return "ingestion-kill";
    }

    @Override
    public String summary() {
        return "SIGKILL of ingestion-service with requests in flight; restarted";
    }

    @Override
    public Injection inject(Target target) throws Exception {
        Stack stack = target.stack();
        LoadClient.Run load = target.load();
        long waited = Waits.until(() -> load.inFlight() > 0, IN_FLIGHT_WAIT, Duration.ofMillis(1));
        int inFlight = load.inFlight();
        long pid = stack.ingestion.pid();
        long injected = System.nanoTime();
        stack.ingestion.kill();
        String restart = Restarts.service(stack.ingestion, stack.profile.downSeconds(), injected);
        return new Injection(injected, System.nanoTime(), String.format(Locale.ROOT,
                "SIGKILL of ingestion-service (pid %d) with %s; %s", pid,
                waited >= 0 ? inFlight + " request(s) in flight" : "no request seen in flight within 5 s", restart));
    }
}
