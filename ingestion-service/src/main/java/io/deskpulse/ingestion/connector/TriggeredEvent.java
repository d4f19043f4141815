package io.deskpulse.ingestion.connector;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Freshdesk's {@code {{triggered_event}}} placeholder, which is not JSON: {@code {ticket_action:created}},
 * {@code {status:{from:4,to:6}}}, {@code {note_type:public}}. Values are a bare token (anything up to {@code ,} or
 * {@code }}) or a nested object; parsed into maps of strings and maps.
 */
final class TriggeredEvent {

    private final String text;
    private final String path;
    private int at;

    private TriggeredEvent(String text, String path) {
        this.text = text;
        this.path = path;
    }

    static Map<String, Object> parse(String text, String path) {
        TriggeredEvent parser = new TriggeredEvent(text.trim(), path);
        Map<String, Object> value = parser.object();
        if (parser.at != parser.text.length()) {
            throw parser.malformed();
        }
        return value;
    }

    private Map<String, Object> object() {
        expect('{');
        Map<String, Object> members = new LinkedHashMap<>();
        skipSpaces();
        if (peek() == '}') {
            at++;
            return members;
        }
        while (true) {
            String key = token(":", false);
            expect(':');
            skipSpaces();
            Object value = peek() == '{' ? object() : token(",", true);
            members.put(key, value);
            skipSpaces();
            char next = peek();
            at++;
            if (next == '}') {
                return members;
            }
            if (next != ',') {
                throw malformed();
            }
        }
    }

    private String token(String ends, boolean mayBeEmpty) {
        int start = at;
        while (at < text.length() && ends.indexOf(text.charAt(at)) < 0 && text.charAt(at) != '{'
                && text.charAt(at) != '}') {
            at++;
        }
        String token = text.substring(start, at).trim();
        if (token.startsWith("\"") && token.endsWith("\"") && token.length() >= 2) {
            token = token.substring(1, token.length() - 1);
        }
        if (token.isEmpty() && !mayBeEmpty) {
            throw malformed();
        }
        return token;
    }

    private void expect(char c) {
        skipSpaces();
        if (peek() != c) {
            throw malformed();
        }
        at++;
    }

    private char peek() {
        if (at >= text.length()) {
            throw malformed();
        }
        return text.charAt(at);
    }

    private void skipSpaces() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private MappingException malformed() {
        return new MappingException(path, "is not in Freshdesk's {name:value} form: " + text);
    }
}
