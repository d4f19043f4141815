package io.deskpulse.faults;

import java.util.List;

/**
 * One fault of the suite: what breaks, how the suite breaks it while the load runs, and what it does afterwards as
 * an orchestrator (or the network) would — restart what was killed, heal what was cut.
 */
interface Fault {

    /** What the injection did, and when the suite had restored what it took away. */
    record Injection(long injectedNanos, long restoredNanos, String detail) {
    }

    /** What a fault acts on: the stack, and the phase's running load. */
    record Target(Stack stack, LoadClient.Run load) {
    }

    /** The faults in the order the suite runs them. */
    static List<Fault> all() {
        return List.of(new ScoringKill(), new IngestionKill(), new BrokerKill(), new PostgresCrash(), new Rebalance(),
                new NetworkPartition(false), new NetworkPartition(true));
    }

    /** The fault's name on the command line and in the results, also its tenant's suffix. */
    String name();

    /** One line for the results: what is broken and how. */
    String summary();

    /** Before the load starts (e.g. a second instance that must already be working). */
    default void prepare(Stack stack) throws Exception {
    }

    /** Breaks something while the target's load runs and restores it; returns once restored. */
    Injection inject(Target target) throws Exception;

    /** After the phase's checks (e.g. stop the second instance). */
    default void cleanup(Stack stack) throws Exception {
    }
}
