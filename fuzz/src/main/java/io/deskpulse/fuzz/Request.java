package io.deskpulse.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One generated request: the endpoint it aims at (as the OpenAPI document names it), the generator that made it, and
 * its bytes. The target and the header values are raw bytes, so they may hold what no well-behaved client sends.
 */
record Request(String service, String endpoint, String generator, String method, byte[] target, List<byte[][]> headers,
               byte[] body, boolean writes, long slowMillis, long slowBudgetMillis) {

    static Request of(String service, String endpoint, String generator, String method, byte[] target,
            List<byte[][]> headers, byte[] body, boolean writes) {
        return new Request(service, endpoint, generator, method, target, headers, body, writes, 0, 0);
    }

    Request slow(long millisPerByte, long budgetMillis) {
        return new Request(service, endpoint, generator, method, target, headers, body, writes, millisPerByte, budgetMillis);
    }

    byte[] head() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((method + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(target);
        out.writeBytes(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n".getBytes(StandardCharsets.US_ASCII));
        boolean length = false;
        for (byte[][] header : headers) {
            String name = new String(header[0], StandardCharsets.ISO_8859_1);
            length |= name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Transfer-Encoding");
            out.writeBytes(header[0]);
            out.writeBytes(": ".getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(header[1]);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        if (!length && (body.length > 0 || !method.equals("GET") && !method.equals("DELETE"))) {
            out.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** A short, printable description for the failure log. */
    String describe() {
        String target_ = printable(target, 300);
        return service + " " + method + " " + target_ + " [" + generator + "] headers=" + headers.size() + " body="
                + body.length + "B " + printable(body, 300);
    }

    static String printable(byte[] bytes, int max) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, max); i++) {
            int b = bytes[i] & 0xff;
            text.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b));
        }
        return bytes.length > max ? text + "..." : text.toString();
    }

    static List<byte[][]> headers(String... nameValues) {
        List<byte[][]> list = new ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            list.add(new byte[][] {nameValues[i].getBytes(StandardCharsets.UTF_8),
                nameValues[i + 1].getBytes(StandardCharsets.UTF_8)});
        }
        return list;
    }
}
