package io.deskpulse.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Hostile values: as raw bytes (for query strings, path segments, headers) and as JSON fragments (for bodies). */
final class Hostile {

    private static final List<String> TEXT = List.of(
            // SQL metacharacters
            "'", "''", "\"", "' OR '1'='1", "1' OR 1=1 --", "1; DROP TABLE ticket_facts; --", "'; SELECT pg_sleep(10); --",
            "1' UNION SELECT tenant_id, null FROM alert_rules --", "%", "%'--", "_", "\\", "\\'", "$$", "$1", "/*", "*/",
            "E'\\x00'", "a'||'b", "1::text", ");--", "\" OR \"\"=\"",
            // times
            "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "1969-12-31T23:59:59Z",
            "2026-02-30T00:00:00Z", "2026-13-01", "2026-01-01T25:61:61Z", "1970-01-01T00:00:00+25:00", "9999-12-31",
            "0001-01-01", "+275760-09-13T00:00:00Z", "2026-01-01T00:00:00.1234567891234Z", "P9999999999D", "PT-1S",
            "2026-W53-8", "now", "1e10",
            // numbers
            "-1", "0", "-0", "2147483648", "-2147483649", "9223372036854775808", "-9223372036854775809",
            "1" + "0".repeat(400), "1e999999", "-1e-999999", "NaN", "Infinity", "0x7fffffff", "1_000", "١٢٣",
            // unicode oddities
            "\u202Eevil\u202C", "\uFEFFbom", "\u200B", "a\u0301\u0301\u0301", "\uD835\uDD4F", "\u00A0", "\u2028",
            "\u0000", "a\u0000b", "\u0007\u001b[31m", "\r\nX-Injected: 1", "\n", "\t",
            // path and template tricks
            "../../etc/passwd", "..", ".", "..;/", "//", "?", "#", "&", "=", ";", "{id}", "%00", "%2e%2e%2f", "%%",
            "${jndi:ldap://127.0.0.1/x}", "{{7*7}}", "<script>alert(1)</script>", "=cmd|' /C calc'!A0", "@SUM(1+1)",
            // empty and type confusion
            "", " ", "null", "true", "[]", "{}", "undefined", "*", ",", ",,,");

    /** Byte sequences that are not UTF-8, or that UTF-8 forbids: lone surrogates, overlong forms, stray continuation. */
    private static final List<byte[]> RAW = List.of(
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xED, (byte) 0xBF, (byte) 0xBF},
            new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0xC0, (byte) 0x80},
            new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
            new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0x80},
            new byte[] {(byte) 0xFF, (byte) 0xFE},
            new byte[] {'a', (byte) 0xC3});

    /** JSON values in place of a well-formed one. */
    private static final List<String> JSON = List.of(
            "null", "true", "[]", "{}", "0", "-1", "1.5", "-0.0", "1e309", "-1e309", "1" + "0".repeat(5000),
            "0." + "0".repeat(5000) + "1", "9223372036854775808", "[[[[[]]]]]", "{\"\":{\"\":{}}}", "\"\\u0000\"",
            "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\u202e\"", "[null]", "[\"a\",1,{}]");

    private Hostile() {
    }

    /** A hostile value as raw bytes (UTF-8 when it is text). */
    static byte[] raw(Random random) {
        int pick = random.nextInt(TEXT.size() + RAW.size() + 3);
        if (pick < TEXT.size()) {
            return TEXT.get(pick).getBytes(StandardCharsets.UTF_8);
        }
        pick -= TEXT.size();
        if (pick < RAW.size()) {
            return RAW.get(pick);
        }
        return switch (pick - RAW.size()) {
            case 0 -> "A".repeat(1 + random.nextInt(20_000)).getBytes(StandardCharsets.UTF_8);
            case 1 -> "\u202E\uD835\uDD4F".repeat(1 + random.nextInt(500)).getBytes(StandardCharsets.UTF_8);
            default -> "9".repeat(1 + random.nextInt(2_000)).getBytes(StandardCharsets.UTF_8);
        };
    }

    /** A hostile JSON value: a fragment, or one of the hostile texts as a JSON string. */
    static String json(Random random) {
        int pick = random.nextInt(4);
        if (pick == 0) {
            return JSON.get(random.nextInt(JSON.size()));
        }
        if (pick == 1) {
            return nested(random);
        }
        return jsonString(TEXT.get(random.nextInt(TEXT.size())));
    }

    static String nested(Random random) {
        int depth = 50 + random.nextInt(random.nextBoolean() ? 200 : 20_000);
        return random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Percent-encodes every byte outside the unreserved set, so the raw bytes reach the server's decoder. */
    static byte[] percent(byte[] value, boolean encodeAll) {
        StringBuilder out = new StringBuilder();
        for (byte b : value) {
            int c = b & 0xff;
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~';
            out.append(plain && !encodeAll ? String.valueOf((char) c) : String.format("%%%02X", c));
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static List<String> badJsonDocuments() {
        List<String> docs = new ArrayList<>(List.of("", "{", "}", "[", "{\"a\":}", "{\"a\" 1}", "[1,]", "{'a':1}", "NaN",
                "{\"a\":1}{\"b\":2}", "\uFEFF{}", "/*c*/{}", "{\"a\":1,\"a\":2}", "\"text\"", "123", "null",
                "{\"a\":\"\\x\"}", "{\"a\":\"\\ud800\"}", "{\"a\":tru}", "{\"a\":01}", "{\"a\":+1}", "{\"a\":.5}",
                "\u0000", "{\"a\":\"b\u0000\"}", "<xml/>", "a,b,c\n1,2,3"));
        return docs;
    }
}
