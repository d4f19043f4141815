package io.deskpulse.faults;

import java.util.Locale;

/** Fault 3: the Kafka broker killed (SIGKILL) and started again on the same data (log recovery). */
final class BrokerKill implements Fault {

    @Override
    public String name() {
        return "broker-kill";
    }

    @Override
    public String summary() {
        return "SIGKILL of the Kafka broker (the only one: every partition leader); restarted on its data";
    }

    @Override
    public Injection inject(Target target) throws Exception {
        Stack stack = target.stack();
        long injected = System.nanoTime();
        stack.kafka.kill();
        Waits.seconds(stack.profile.downSeconds());
        stack.kafka.start();
        return new Injection(injected, System.nanoTime(), String.format(Locale.ROOT,
                "SIGKILL of the broker; started again after %d s, listening %.1f s after the kill",
                stack.profile.downSeconds(), (System.nanoTime() - injected) / 1e9));
    }
}
