package io.deskpulse.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * Where the suite's stack listens. {@link #fixed()} are the documented ports of deploy/local/faults.sh, clear of the
 * local stack's (8081-8083, 9092/9093, 5432); {@link #free()} picks unused ones, so that a CI run never collides with
 * another run on the same machine.
 */
record Ports(int ingestion, int scoring, int reporting, int scoring2, int kafka, int kafkaController, int postgres,
             int proxy) {

    static Ports fixed() {
        return new Ports(18081, 18082, 18083, 18084, 29092, 29093, 15433, 15434);
    }

    static Ports free() {
        return new Ports(freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
