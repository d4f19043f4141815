package io.deskpulse.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, one request per connection. A library client would refuse most of what the suite
 * sends (invalid bytes in the request line, thousands of headers, a body that trickles in), so requests are written
 * byte for byte as generated.
 */
final class RawHttp {

    /** What came back: status -1 when the connection closed without a status line. */
    record Answer(int status, String contentType, String head, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final int MAX_BODY = 4 << 20;

    private RawHttp() {
    }

    /**
     * Sends the request; when {@code slowMillis} is positive the body is written one byte every {@code slowMillis}
     * for at most {@code slowBudgetMillis}, then the rest at once.
     */
    static Answer send(int port, Request request, int timeoutMillis) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.head());
                byte[] body = request.body();
                int from = 0;
                if (request.slowMillis() > 0) {
                    long until = System.nanoTime() + request.slowBudgetMillis() * 1_000_000L;
                    while (from < body.length && System.nanoTime() < until) {
                        out.write(body[from++]);
                        out.flush();
                        sleep(request.slowMillis());
                    }
                }
                out.write(body, from, body.length - from);
                out.flush();
            } catch (IOException refusedWhileWriting) {
                // the server may answer (e.g. 413) and close before reading the whole body: read what it said
            }
            return read(socket.getInputStream());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        try {
            for (int n; (n = in.read(buffer)) >= 0 && all.size() < MAX_BODY; ) {
                all.write(buffer, 0, n);
            }
        } catch (IOException reset) {
            if (all.size() == 0) {
                return new Answer(-1, "", "", new byte[0]);
            }
        }
        byte[] bytes = all.toByteArray();
        int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (end < 0 || bytes.length < 12) {
            return new Answer(-1, "", new String(bytes, StandardCharsets.ISO_8859_1), new byte[0]);
        }
        String head = new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
        int status;
        try {
            status = Integer.parseInt(head.substring(9, 12));
        } catch (RuntimeException e) {
            return new Answer(-1, "", head, new byte[0]);
        }
        String contentType = "";
        boolean chunked = false;
        for (String line : head.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                contentType = line.substring(13).trim();
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        return new Answer(status, contentType, head, chunked ? dechunk(body) : body);
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int lineEnd = indexOf(body, at, "\r\n".getBytes(StandardCharsets.US_ASCII));
            if (lineEnd < 0) {
                break;
            }
            String size = new String(body, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim();
            int length;
            try {
                length = Integer.parseInt(size, 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (length == 0) {
                break;
            }
            int start = lineEnd + 2;
            out.write(body, start, Math.min(length, body.length - start));
            at = start + length + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte[] what) {
        return indexOf(bytes, 0, what);
    }

    private static int indexOf(byte[] bytes, int from, byte[] what) {
        outer:
        for (int i = from; i <= bytes.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (bytes[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
