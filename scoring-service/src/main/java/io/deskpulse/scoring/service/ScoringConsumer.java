package io.deskpulse.scoring.service;

import io.deskpulse.platform.kafka.TopicInitializer;
import io.deskpulse.scoring.config.KafkaTopicsConfig;
import io.deskpulse.scoring.config.ScoringConfig;
import io.deskpulse.scoring.messaging.CloudEventDecoder;
import io.deskpulse.scoring.messaging.ConsumerStatus;
import io.deskpulse.scoring.messaging.DeadLetterPublisher;
import io.deskpulse.scoring.messaging.KafkaClients;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.jboss.logging.Logger;

/**
 * Starts the service's poll loops ({@link ConsumerWorker}), {@code deskpulse.scoring.consumer-threads} of them, and
 * stops them on shutdown. Each works its own share of the partitions in its own transactions, so one batch's
 * decoding and deriving overlap another's database work (docs/performance.md).
 */
@ApplicationScoped
public class ScoringConsumer {

    private static final Logger LOG = Logger.getLogger(ScoringConsumer.class);
    /** Off the startup path (the poll loops wait for it, nothing else does): a slow cluster gets time to answer. */
    private static final Duration TOPIC_SETUP_TIMEOUT = Duration.ofSeconds(30);

    private final TopicInitializer topicInitializer;
    private final List<String> ownTopics;
    private final ScoringConfig config;
    /** A poll loop by its index, with this service's clients, processor and topic. */
    private final IntFunction<ConsumerWorker> newWorker;
    private final List<ConsumerWorker> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopped;

    public ScoringConsumer(KafkaClients clients, TopicInitializer topicInitializer, CloudEventDecoder decoder,
            BatchProcessor processor, DeadLetterPublisher deadLetters, ScoringMetrics metrics, ConsumerStatus status,
            ScoringConfig config, KafkaTopicsConfig topics, KnownTenants tenants) {
        this.topicInitializer = topicInitializer;
        this.config = config;
        String topic = topics.topic();
        this.ownTopics = List.of(topic, topics.deadLetterTopic());
        this.newWorker = index -> new ConsumerWorker(index, clients, decoder, processor, deadLetters, metrics, status,
                config, topic, tenants);
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.consumerEnabled()) {
            LOG.info("Consumer disabled (deskpulse.scoring.consumer-enabled=false)");
            return;
        }
        int count = Math.max(1, config.consumerThreads());
        Thread starter = new Thread(() -> {
            topicInitializer.ensureTopics(ownTopics, TOPIC_SETUP_TIMEOUT);
            synchronized (workers) {
                for (int i = 0; i < count && !stopped; i++) {
                    ConsumerWorker worker = newWorker.apply(i);
                    Thread thread = new Thread(worker::run, count == 1 ? "scoring-consumer" : "scoring-consumer-" + i);
                    workers.add(worker);
                    threads.add(thread);
                    thread.start();
                }
            }
        }, "scoring-consumer-start");
        starter.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        synchronized (workers) {
            stopped = true;
            workers.forEach(ConsumerWorker::stop);
        }
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(30).toMillis());
        }
    }
}
