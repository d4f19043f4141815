package io.deskpulse.scoring.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** What the health checks report about the consumer loop. */
@ApplicationScoped
public class ConsumerStatus {

    private volatile boolean running;
    private volatile Instant lastBatchAt;
    private volatile int consecutiveFailures;
    private volatile String lastFailure;
    private volatile long lag;

    void started() {
        running = true;
    }

    void stopped() {
        running = false;
    }

    void succeeded() {
        lastBatchAt = Instant.now();
        consecutiveFailures = 0;
        lastFailure = null;
    }

    void failed(Throwable failure) {
        consecutiveFailures++;
        lastFailure = failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    void lag(long records) {
        lag = records;
    }

    public boolean running() {
        return running;
    }

    public Instant lastBatchAt() {
        return lastBatchAt;
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    public String lastFailure() {
        return lastFailure;
    }

    public long lag() {
        return lag;
    }
}
