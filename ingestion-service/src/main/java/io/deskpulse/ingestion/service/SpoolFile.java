package io.deskpulse.ingestion.service;

import io.deskpulse.ingestion.messaging.OutgoingRecord;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.LongConsumer;

/**
 * The normalised records of an NDJSON request, on disk: a backfill is all-or-nothing, so nothing may be
 * sent before its last line is validated, yet it may be far larger than the heap. Records are stored as
 * (key length, key, value length, value). {@link #close()} deletes the file, whatever happened before.
 */
final class SpoolFile implements RecordSink, Closeable {

    private static final int BUFFER = 256 * 1024;

    private final Path path;
    private final DataOutputStream out;
    private final LongConsumer charge;
    private DataInputStream in;
    private long count;

    private SpoolFile(Path path, LongConsumer charge) throws IOException {
        this.path = path;
        this.charge = charge;
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(path), BUFFER));
    }

    /** Creates an empty spool file, readable by the owner only, in the directory. */
    static SpoolFile create(Path directory) throws IOException {
        return create(directory, bytes -> { });
    }

    /** As {@link #create(Path)}; {@code charge} is told of every record's bytes before they are written, and may refuse them. */
    static SpoolFile create(Path directory, LongConsumer charge) throws IOException {
        Files.createDirectories(directory);
        return new SpoolFile(Files.createTempFile(directory, "deskpulse-ingest-", ".spool"), charge);
    }

    Path path() {
        return path;
    }

    @Override
    public void append(OutgoingRecord record) {
        charge.accept(8L + record.key().length + record.value().length);
        try {
            out.writeInt(record.key().length);
            out.write(record.key());
            out.writeInt(record.value().length);
            out.write(record.value());
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the spool file " + path, e);
        }
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public Iterator<OutgoingRecord> records() {
        try {
            out.close();
            in = new DataInputStream(new BufferedInputStream(Files.newInputStream(path), BUFFER));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spool file " + path, e);
        }
        return new Iterator<>() {
            private long read;

            @Override
            public boolean hasNext() {
                return read < count;
            }

            @Override
            public OutgoingRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                try {
                    byte[] key = in.readNBytes(in.readInt());
                    byte[] value = in.readNBytes(in.readInt());
                    read++;
                    return new OutgoingRecord(key, value);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the spool file " + path, e);
                }
            }
        };
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
            if (in != null) {
                in.close();
            }
        } finally {
            Files.deleteIfExists(path);
        }
    }
}
