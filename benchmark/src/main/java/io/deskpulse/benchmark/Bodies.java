package io.deskpulse.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Turns generated deliveries into request bodies: batches, single events, NDJSON files. */
final class Bodies {

    private Bodies() {
    }

    /** Collects deliveries into JSON-array batches of {@code size} events per tenant, in delivery order. */
    static final class Batches implements TrafficGenerator.Sink {
        private final int size;
        private final List<IngestDriver.Body> bodies = new ArrayList<>();
        private final StringBuilder[] open = {new StringBuilder(), new StringBuilder()};
        private final int[] counts = new int[2];
        private long events;

        Batches(int size) {
            this.size = size;
        }

        @Override
        public void accept(int tenant, String json) {
            StringBuilder batch = open[tenant];
            batch.append(counts[tenant] == 0 ? '[' : ',').append(json);
            events++;
            if (++counts[tenant] == size) {
                flush(tenant);
            }
        }

        private void flush(int tenant) {
            if (counts[tenant] > 0) {
                open[tenant].append(']');
                bodies.add(new IngestDriver.Body(tenant, open[tenant].toString().getBytes(StandardCharsets.UTF_8),
                        counts[tenant]));
                open[tenant].setLength(0);
                counts[tenant] = 0;
            }
        }

        List<IngestDriver.Body> finish() {
            flush(0);
            flush(1);
            return bodies;
        }

        long events() {
            return events;
        }
    }

    /** One body per event. */
    static final class Singles implements TrafficGenerator.Sink {
        final List<IngestDriver.Body> bodies = new ArrayList<>();

        @Override
        public void accept(int tenant, String json) {
            bodies.add(new IngestDriver.Body(tenant, json.getBytes(StandardCharsets.UTF_8), 1));
        }
    }

    /** NDJSON files, one per tenant, each line an event. */
    static final class Ndjson implements TrafficGenerator.Sink, AutoCloseable {
        final Path[] files = new Path[2];
        final long[] lines = new long[2];
        private final BufferedWriter[] writers = new BufferedWriter[2];

        Ndjson(Path directory, String name) throws IOException {
            Files.createDirectories(directory);
            for (int t = 0; t < 2; t++) {
                files[t] = directory.resolve(name + "-" + t + ".ndjson");
                writers[t] = Files.newBufferedWriter(files[t], StandardCharsets.UTF_8);
            }
        }

        @Override
        public void accept(int tenant, String json) {
            try {
                writers[tenant].write(json);
                writers[tenant].write('\n');
                lines[tenant]++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            for (BufferedWriter writer : writers) {
                writer.close();
            }
        }

        void delete() {
            for (Path file : files) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // scratch
                }
            }
        }
    }
}
