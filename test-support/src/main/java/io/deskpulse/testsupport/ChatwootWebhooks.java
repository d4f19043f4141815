package io.deskpulse.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Chatwoot webhook payloads shaped as Chatwoot sends them (docs/connectors/chatwoot.md), and its signature. */
public final class ChatwootWebhooks {

    private ChatwootWebhooks() {
    }

    /** X-Chatwoot-Signature: sha256= hex HMAC-SHA256 over "timestamp.body". */
    public static String signature(String secret, long timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    public static String conversationCreated(int conversation, Instant at, int assignee, int team) {
        return """
                {"event": "conversation_created", "id": %d, "inbox_id": 3, "channel": "Channel::WebWidget",
                 "status": "open", "priority": "high", "created_at": %d, "labels": [],
                 "meta": {"sender": {"id": 901, "type": "contact"}, "assignee": {"id": %d, "type": "user"},
                          "team": {"id": %d, "name": "billing"}},
                 "messages": []}""".formatted(conversation, at.getEpochSecond(), assignee, team);
    }

    public static String message(int conversation, int message, String type, String senderType, int sender,
            boolean isPrivate, Instant at) {
        return """
                {"event": "message_created", "id": %d, "message_type": "%s", "private": %s, "content": "Hello",
                 "created_at": "%s", "sender": {"id": %d, "type": "%s"}, "inbox": {"id": 3},
                 "conversation": {"id": %d, "inbox_id": 3}}""".formatted(message, type, isPrivate, at, sender,
                senderType, conversation);
    }

    public static String status(int conversation, String status, Instant at) {
        return """
                {"event": "conversation_status_changed", "id": %d, "inbox_id": 3, "status": "%s", "updated_at": %d.25}"""
                .formatted(conversation, status, at.getEpochSecond());
    }

    public static String csat(int conversation, int message, int rating, int assignee) {
        return """
                {"event": "message_updated", "id": %d, "message_type": "template", "content_type": "input_csat",
                 "content_attributes": {"submitted_values": {"csat_survey_response": {"rating": %d, "feedback_message": "ok"}}},
                 "inbox": {"id": 3},
                 "conversation": {"id": %d, "inbox_id": 3, "meta": {"assignee": {"id": %d, "type": "user"}}}}"""
                .formatted(message, rating, conversation, assignee);
    }
}
