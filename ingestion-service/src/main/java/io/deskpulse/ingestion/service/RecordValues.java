package io.deskpulse.ingestion.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * The Kafka values of one tenant's accepted events: the event as JSON with the tenant attribute set.
 *
 * <p>Writing the parsed tree again costs as much as parsing it. Most events need no change but the tenant
 * attribute, so when an event's enumerated values were already lower case, it carries no tenant attribute
 * of its own, and its original bytes are compact UTF-8 JSON, the value is those bytes with the attribute
 * appended before the closing brace: the same members with the same values, in the same order, as writing
 * the tree would give (numbers and string escapes as the sender wrote them). Anything else (an event that lower-casing changed, a pretty-printed one, a body in UTF-16) is written from
 * the tree.
 */
final class RecordValues {

    private final ObjectMapper mapper;
    private final String tenant;
    /** {@code ,"deskpulsetenant":"<tenant>"}} in UTF-8. */
    private final byte[] tenantMember;

    RecordValues(ObjectMapper mapper, String tenant) {
        this.mapper = mapper;
        this.tenant = tenant;
        byte[] quoted = JsonStringEncoder.getInstance().quoteAsUTF8(tenant);
        byte[] head = (",\"" + IngestRequest.TENANT_ATTRIBUTE + "\":\"").getBytes(StandardCharsets.UTF_8);
        this.tenantMember = new byte[head.length + quoted.length + 2];
        System.arraycopy(head, 0, tenantMember, 0, head.length);
        System.arraycopy(quoted, 0, tenantMember, head.length, quoted.length);
        tenantMember[tenantMember.length - 2] = '"';
        tenantMember[tenantMember.length - 1] = '}';
    }

    /**
     * The value of a valid event.
     *
     * @param changed  whether normalising changed the tree
     * @param original the bytes the tree was parsed from (UTF-8), or null when they are not at hand
     * @param from     where the event's object starts in {@code original}
     * @param to       just after its closing brace
     */
    byte[] of(ObjectNode event, boolean changed, byte[] original, int from, int to) {
        if (original != null && !changed && !event.has(IngestRequest.TENANT_ATTRIBUTE)
                && isCompactObject(original, from, to)) {
            byte[] value = new byte[to - from - 1 + tenantMember.length];
            System.arraycopy(original, from, value, 0, to - from - 1);
            System.arraycopy(tenantMember, 0, value, to - from - 1, tenantMember.length);
            return value;
        }
        // The tenant comes from the credentials, never from the body: overwrite whatever was sent.
        event.put(IngestRequest.TENANT_ATTRIBUTE, tenant);
        try {
            return mapper.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed event must serialise again", e);
        }
    }

    /**
     * Whether {@code bytes[from, to)} is one non-empty JSON object without whitespace between its tokens (the
     * parser already found it to be well-formed JSON).
     */
    static boolean isCompactObject(byte[] bytes, int from, int to) {
        if (from < 0 || to > bytes.length || to - from < 3 || bytes[from] != '{' || bytes[to - 1] != '}'
                || bytes[to - 2] == '{') {
            return false;
        }
        boolean inString = false;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                return false;
            }
        }
        return !inString;
    }
}
