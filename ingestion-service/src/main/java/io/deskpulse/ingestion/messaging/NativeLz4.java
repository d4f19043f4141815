package io.deskpulse.ingestion.messaging;

import net.jpountz.util.Native;
import org.jboss.logging.Logger;

/**
 * Loads lz4-java's native library before the producer first compresses. lz4-java picks its JNI implementation
 * by itself only when it was loaded by the system class loader, as in Kafka's own tools; in a Quarkus application
 * it is not, and it falls back to its pure-Java "safe" implementation, which costs the producer (compression
 * and checksums run on the sending threads) several times more CPU per record. Once the library is loaded,
 * lz4-java uses it whatever the class loader. Where it cannot be loaded (another platform, no writable
 * temporary directory) the Java implementation is used, as before.
 */
final class NativeLz4 {

    private static final Logger LOG = Logger.getLogger(NativeLz4.class);

    private NativeLz4() {
    }

    /** Returns whether the native library is in use. */
    static boolean load() {
        try {
            Native.load();
            return true;
        } catch (RuntimeException | LinkageError e) {
            LOG.infof("lz4 compression runs in Java (its native library could not be loaded: %s)", e.toString());
            return false;
        }
    }
}
