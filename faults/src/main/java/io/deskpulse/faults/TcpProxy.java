package io.deskpulse.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy that can black-hole its traffic: the network partition between scoring-service and PostgreSQL.
 *
 * <p>While black-holed, nothing is forwarded in either direction and nothing is closed: bytes already read wait in
 * the proxy, further bytes wait in the kernel's socket buffers, a connection closed by one side stays open on the
 * other, and a new connection is accepted but not connected through. Both ends see what a partition shows them: a
 * peer that stops answering, with no error. When healed, everything held is delivered in order, as TCP delivers
 * what it retransmits after a partition that ended before its retransmission timeout. (A proxy rather than network
 * namespaces: it needs no root, no iptables, and runs the same in CI; see docs/faults.md.)
 */
final class TcpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress upstream;
    private final Object gate = new Object();
    private volatile boolean blackHoled;
    private volatile boolean closed;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    /** Connected pairs, client side to upstream side. */
    private final Map<Socket, Socket> pairs = new ConcurrentHashMap<>();
    /** Upstream sides whose client was cut: kept open and silent, so the server never learns the client is gone. */
    private final Set<Socket> orphans = ConcurrentHashMap.newKeySet();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong forwardedBytes = new AtomicLong();

    TcpProxy(int port, int upstreamPort) throws IOException {
        this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        this.upstream = new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort);
        Thread acceptor = new Thread(this::acceptLoop, "proxy-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    long connections() {
        return connections.get();
    }

    long forwardedBytes() {
        return forwardedBytes.get();
    }

    void blackHole() {
        blackHoled = true;
    }

    void heal() {
        synchronized (gate) {
            blackHoled = false;
            gate.notifyAll();
        }
    }

    private void awaitOpen() throws InterruptedException {
        synchronized (gate) {
            while (blackHoled && !closed) {
                gate.wait();
            }
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                connections.incrementAndGet();
                sockets.add(client);
                daemon(() -> connect(client), "proxy-connect");
            } catch (IOException e) {
                if (!closed) {
                    Log.info("proxy on %d: accept failed: %s", server.getLocalPort(), e.getMessage());
                }
            }
        }
    }

    private void connect(Socket client) {
        try {
            awaitOpen();
            Socket target = new Socket();
            sockets.add(target);
            target.connect(upstream, 5_000);
            client.setTcpNoDelay(true);
            target.setTcpNoDelay(true);
            pairs.put(client, target);
            daemon(() -> pump(client, target), "proxy-up");
            daemon(() -> pump(target, client), "proxy-down");
        } catch (IOException | InterruptedException e) {
            closeQuietly(client);
        }
    }

    /** Copies one direction; the gate is passed before every write and before passing an end of stream on. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[64 * 1024];
        // not try-with-resources: closing a socket's stream closes the socket, and an orphan must stay open
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                awaitOpen();
                if (orphans.contains(to) || orphans.contains(from)) {
                    return;
                }
                out.write(buffer, 0, n);
                out.flush();
                forwardedBytes.addAndGet(n);
            }
            awaitOpen();
        } catch (IOException | InterruptedException e) {
            // the other direction notices when its socket closes
        } finally {
            // an orphan's upstream side stays as it is: open, and never read or written again
            if (!orphans.contains(from)) {
                closeQuietly(from);
            }
            if (!orphans.contains(to)) {
                closeQuietly(to);
            }
        }
    }

    /**
     * Ends every connection as a client whose TCP gave up during a long partition sees it: reset on the client's
     * side, while the server's side stays open and hears nothing more, as when the reset never reaches the server.
     * The server keeps each such session, and whatever its open transaction had locked, until something ends it
     * there. New connections are forwarded again.
     */
    int cutClients() {
        int cut = 0;
        for (Map.Entry<Socket, Socket> pair : pairs.entrySet()) {
            orphans.add(pair.getValue());
            try {
                pair.getKey().setSoLinger(true, 0);
            } catch (IOException ignored) {
                // closed anyway below
            }
            closeQuietly(pair.getKey());
            pairs.remove(pair.getKey());
            cut++;
        }
        heal();
        return cut;
    }

    /** Closes the server sides left open by {@link #cutClients()}: the server ends those sessions now. */
    void releaseOrphans() {
        for (Socket orphan : orphans) {
            orphans.remove(orphan);
            closeQuietly(orphan);
        }
    }

    private void closeQuietly(Socket socket) {
        sockets.remove(socket);
        pairs.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private static void daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        heal();
        releaseOrphans();
        server.close();
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
    }
}
