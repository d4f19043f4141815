package io.deskpulse.faults;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A helpdesk integration posting a steady stream of batches, as real ones do: at a fixed rate, from a few
 * connections, and when a request fails — a 503 (Kafka unavailable), any 5xx, a timeout, a refused or dropped
 * connection — it sends the same body again (the same event ids) after an exponential backoff with jitter, honouring
 * {@code Retry-After} up to its longest backoff. Resending is safe because duplicates are recognised downstream;
 * that is the promise under test. Any other answer (a 4xx) stops the run: the suite's traffic is valid.
 */
final class LoadClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final long FIRST_BACKOFF_MS = 100;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT).build();
    private final String ingestUrl;
    private final Profile profile;

    LoadClient(String ingestUrl, Profile profile) {
        this.ingestUrl = ingestUrl;
        this.profile = profile;
    }

    /** Starts posting every batch of {@code traffic} with the tenant's key; returns at once. */
    Run start(String key, Traffic traffic, Ledger ledger) {
        return new Run(key, traffic, ledger);
    }

    final class Run {
        private final String key;
        private final Traffic traffic;
        private final Ledger ledger;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger started = new AtomicInteger();
        private final AtomicInteger inFlight = new AtomicInteger();
        private final ExecutorService pool;
        private final List<Future<?>> workers = new ArrayList<>();
        private final long startNanos = System.nanoTime();
        private final double secondsPerBatch;
        private volatile long finishedNanos;
        /** While held, batches from {@code holdAt} on wait; once released, those are due {@code shiftNanos} later. */
        private final Object hold = new Object();
        private boolean held;
        private int holdAt = Integer.MAX_VALUE;
        private long shiftNanos;

        private Run(String key, Traffic traffic, Ledger ledger) {
            this.key = key;
            this.traffic = traffic;
            this.ledger = ledger;
            this.secondsPerBatch = (double) profile.batchSize() / profile.rate();
            this.pool = Executors.newFixedThreadPool(profile.clients(), r -> {
                Thread thread = new Thread(r, "load-client");
                thread.setDaemon(true);
                return thread;
            });
            for (int c = 0; c < profile.clients(); c++) {
                workers.add(pool.submit(() -> {
                    work();
                    return null;
                }));
            }
        }

        private void work() throws Exception {
            while (true) {
                int i = next.getAndIncrement();
                if (i >= traffic.batches.size()) {
                    return;
                }
                long due = awaitRelease(i);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                started.incrementAndGet();
                post(traffic.batches.get(i), due);
            }
        }

        private void post(Traffic.Batch batch, long dueNanos) throws Exception {
            long giveUp = System.nanoTime() + profile.giveUpSeconds() * 1_000_000_000L;
            for (int attempt = 0; ; attempt++) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(ingestUrl + "/v1/events"))
                        .timeout(Duration.ofSeconds(profile.requestTimeoutSeconds()))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/cloudevents-batch+json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(batch.body())).build();
                String reason;
                long retryAfterMs = 0;
                inFlight.incrementAndGet();
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    int status = response.statusCode();
                    if (status == 202) {
                        ledger.accepted(batch, dueNanos);
                        return;
                    }
                    if (status < 500 && status != 408 && status != 429) {
                        throw new IllegalStateException("ingestion answered " + status + " to batch " + batch.number()
                                + ": " + abbreviate(response.body()));
                    }
                    reason = Integer.toString(status);
                    retryAfterMs = response.headers().firstValue("Retry-After").map(LoadClient::seconds).orElse(0L) * 1000;
                } catch (IOException e) {
                    reason = reason(e);
                } finally {
                    inFlight.decrementAndGet();
                }
                ledger.refused(reason);
                if (System.nanoTime() > giveUp) {
                    throw new IllegalStateException("batch " + batch.number() + " still refused after "
                            + profile.giveUpSeconds() + " s (last: " + reason + ")");
                }
                long backoff = Math.min(profile.maxBackoffMs(), FIRST_BACKOFF_MS << Math.min(attempt, 16));
                backoff = backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
                Thread.sleep(Math.max(backoff, Math.min(retryAfterMs, profile.maxBackoffMs())));
            }
        }

        /**
         * Holds the stream before batch {@code batch} (a lull in the traffic) until {@link #release()}: a fault that
         * needs time to set up (a new instance starting) still happens mid-stream. The batches after the hold are due
         * as much later as the hold lasted.
         */
        void holdAt(int batch) {
            synchronized (hold) {
                held = true;
                holdAt = batch;
            }
        }

        void release() {
            synchronized (hold) {
                if (held) {
                    held = false;
                    shiftNanos = Math.max(0, System.nanoTime() - scheduled(holdAt));
                    hold.notifyAll();
                }
            }
        }

        /** Waits while batch {@code i} is held; returns when it is due. */
        private long awaitRelease(int i) throws InterruptedException {
            synchronized (hold) {
                while (held && i >= holdAt) {
                    hold.wait();
                }
                return scheduled(i) + (i >= holdAt ? shiftNanos : 0);
            }
        }

        private long scheduled(int i) {
            return startNanos + (long) (i * secondsPerBatch * 1e9);
        }

        int batches() {
            return traffic.batches.size();
        }

        /** Batches whose first attempt has been sent. */
        int started() {
            return started.get();
        }

        int inFlight() {
            return inFlight.get();
        }

        /** Waits until {@code batches} have been started (the moment a fault is injected). */
        void awaitStarted(int batches) throws InterruptedException {
            while (started.get() < Math.min(batches, traffic.batches.size()) && !done()) {
                Thread.sleep(5);
            }
        }

        boolean done() {
            return workers.stream().allMatch(Future::isDone);
        }

        /** Waits for every batch to be accepted; rethrows what stopped a client. */
        void join() throws Exception {
            try {
                for (Future<?> worker : workers) {
                    worker.get();
                }
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            } finally {
                pool.shutdownNow();
                finishedNanos = System.nanoTime();
            }
        }

        long finishedNanos() {
            return finishedNanos;
        }
    }

    /** What a failed attempt looked like to the client. */
    static String reason(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "connect timeout";
        }
        if (e instanceof HttpTimeoutException) {
            return "timeout";
        }
        if (e instanceof ConnectException || (e.getCause() instanceof ConnectException)) {
            return "connection refused";
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("reset") ? "connection reset" : "connection closed";
    }

    private static long seconds(String retryAfter) {
        try {
            return Long.parseLong(retryAfter.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "..." : text;
    }
}
