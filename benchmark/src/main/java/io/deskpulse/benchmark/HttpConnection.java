package io.deskpulse.benchmark;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One keep-alive HTTP/1.1 connection, blocking, one request at a time: the driver of every HTTP figure.
 *
 * <p>Deliberately minimal (as wrk's is): on two cores the load generator shares the CPU with the stack it
 * measures, so it must cost as little as possible per request. It writes a request with Content-Length and
 * reads a response framed by Content-Length or chunked encoding (or by the end of the stream). A request on a
 * reused connection that the server had closed is sent again once on a new connection; that is safe here,
 * since DeskPulse recognises resent events.
 */
public final class HttpConnection implements Closeable {

    public record Response(int status, Map<String, String> headers, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final int port;
    private final int readTimeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private boolean used;

    private Map<String, String> extra = Map.of();

    public HttpConnection(String baseUrl, int readTimeoutMillis) {
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort() > 0 ? uri.getPort() : 80;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    public Response get(String pathAndQuery, String bearer) throws IOException {
        return send("GET", pathAndQuery, bearer, null, null, null);
    }

    public Response post(String path, String bearer, String contentType, byte[] body) throws IOException {
        return send("POST", path, bearer, contentType, body, null);
    }

    /** Posts with headers of the caller's own (a webhook's signature) and no bearer key. */
    public Response post(String path, Map<String, String> headers, String contentType, byte[] body) throws IOException {
        extra = headers;
        try {
            return send("POST", path, null, contentType, body, null);
        } finally {
            extra = Map.of();
        }
    }

    /** Posts a file as the body, streamed (an NDJSON backfill). */
    public Response post(String path, String bearer, String contentType, Path file) throws IOException {
        return send("POST", path, bearer, contentType, null, file);
    }

    private Response send(String method, String path, String bearer, String contentType, byte[] body, Path file)
            throws IOException {
        boolean reused = socket != null && used;
        try {
            return exchange(method, path, bearer, contentType, body, file);
        } catch (IOException e) {
            close();
            if (!reused) {
                throw e;
            }
            // the server closed an idle keep-alive connection: once more on a fresh one
            return exchange(method, path, bearer, contentType, body, file);
        }
    }

    private Response exchange(String method, String path, String bearer, String contentType, byte[] body, Path file)
            throws IOException {
        if (socket == null) {
            connect();
        }
        long length = body != null ? body.length : file != null ? Files.size(file) : -1;
        StringBuilder head = new StringBuilder(256);
        head.append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(port)
                .append("\r\n");
        if (bearer != null) {
            head.append("Authorization: Bearer ").append(bearer).append("\r\n");
        }
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        extra.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (length >= 0) {
            head.append("Content-Length: ").append(length).append("\r\n");
        }
        head.append("Accept: */*\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            out.write(body);
        } else if (file != null) {
            try (InputStream content = Files.newInputStream(file)) {
                content.transferTo(out);
            }
        }
        out.flush();
        used = true;
        Response response = read(method.equals("HEAD"));
        if ("close".equalsIgnoreCase(response.headers().get("connection"))) {
            close();
        }
        return response;
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setKeepAlive(true);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        socket.setSoTimeout(readTimeoutMillis);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        used = false;
    }

    private Response read(boolean head) throws IOException {
        String statusLine = line();
        // "HTTP/1.1 202 Accepted"
        int firstSpace = statusLine.indexOf(' ');
        if (firstSpace < 0) {
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(firstSpace + 1, firstSpace + 4));
        Map<String, String> headers = new HashMap<>();
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon > 0) {
                headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
            }
        }
        byte[] body;
        if (head || status == 204 || status == 304 || status / 100 == 1) {
            body = new byte[0];
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = chunked();
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else {
            body = in.readAllBytes();
            headers.put("connection", "close");
        }
        return new Response(status, headers, body);
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line();
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim(), 16);
            if (size == 0) {
                while (!line().isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            line();
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed by " + host + ":" + port);
            }
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            line.append((char) b);
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        socket = null;
        in = null;
        out = null;
    }
}
