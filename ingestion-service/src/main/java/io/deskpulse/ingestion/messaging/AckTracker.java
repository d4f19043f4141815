package io.deskpulse.ingestion.messaging;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Waits for the acknowledgement of every record of one request with a counter instead of a future per
 * record, so that an NDJSON backfill of millions of records costs constant memory. One instance is the
 * send callback of all the request's records.
 */
final class AckTracker implements Callback {

    enum Outcome { ACKNOWLEDGED, FAILED, TIMED_OUT }

    private final AtomicLong pending = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Object signal = new Object();

    void sending() {
        pending.incrementAndGet();
    }

    /** A send that threw instead of completing through the callback. */
    void sendFailed(Exception e) {
        onCompletion(null, e);
    }

    @Override
    public void onCompletion(RecordMetadata metadata, Exception exception) {
        if (exception != null) {
            failure.compareAndSet(null, exception);
        }
        if (pending.decrementAndGet() == 0 || exception != null) {
            synchronized (signal) {
                signal.notifyAll();
            }
        }
    }

    boolean failed() {
        return failure.get() != null;
    }

    Exception failure() {
        return failure.get();
    }

    long pending() {
        return pending.get();
    }

    /** Waits until every record sent so far is acknowledged, one failed, or the timeout passed. */
    Outcome await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (signal) {
            while (pending.get() > 0 && failure.get() == null) {
                long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (remainingMillis <= 0) {
                    return Outcome.TIMED_OUT;
                }
                signal.wait(remainingMillis);
            }
        }
        return failure.get() == null ? Outcome.ACKNOWLEDGED : Outcome.FAILED;
    }
}
