package io.deskpulse.faults;

import java.util.Locale;

/** What the suite does as an orchestrator: start again what a fault killed, after the profile's down time. */
final class Restarts {

    private Restarts() {
    }

    /** Starts the service again and waits until it is ready; says when, counted from the fault. */
    static String service(ServiceProcess service, int downSeconds, long injectedNanos) throws Exception {
        Waits.seconds(downSeconds);
        service.start();
        service.awaitReady(Stack.READY);
        return String.format(Locale.ROOT, "started again after %d s, ready %.1f s after the kill", downSeconds,
                (System.nanoTime() - injectedNanos) / 1e9);
    }
}
