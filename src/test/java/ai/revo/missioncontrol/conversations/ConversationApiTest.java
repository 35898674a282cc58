package ai.revo.missioncontrol.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.outbound.RecordingAdapters;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ConversationApiTest extends IntegrationTest {

    @Autowired
    ConversationManagement conversations;

    @Test
    void aReplyBecomesAThreadWithTheEmailItAnswersAndWaitsForAPerson() {
        ConversationFixture f = new ConversationFixture(api(), database());
        f.reply("Yes, call me on Tuesday.", "<reply-1@ada.example>").expect(200);

        JsonNode listed = f.awaitConversation(2);
        assertThat(listed.path("status").asText()).isEqualTo("TO_ANSWER");
        assertThat(listed.path("contactName").asText()).isEqualTo("Ada Lovelace");
        assertThat(listed.path("participant").asText()).isEqualTo(f.to);
        assertThat(listed.path("unread").asBoolean()).isTrue();
        assertThat(listed.path("lastPreview").asText()).isEqualTo("Yes, call me on Tuesday.");
        String id = listed.path("id").asText();

        JsonNode thread =
                f.api.get("/api/v1/conversations/" + id, f.token()).expect(200).json();
        JsonNode messages = thread.path("messages");
        assertThat(messages.size()).isEqualTo(2);
        assertThat(messages.get(0).path("direction").asText()).isEqualTo("OUT");
        assertThat(messages.get(0).path("emailId").asText()).isEqualTo(f.emailId.toString());
        assertThat(messages.get(0).path("status").asText()).isEqualTo("SENT");
        assertThat(messages.get(0).path("bodyText").asText()).contains("your fleet");
        assertThat(messages.get(1).path("direction").asText()).isEqualTo("IN");
        assertThat(messages.get(1).path("bodyText").asText()).isEqualTo("Yes, call me on Tuesday.");
        assertThat(messages.get(1).path("answersEmailId").asText()).isEqualTo(f.emailId.toString());
        assertThat(messages.get(1).path("status").asText()).isEqualTo("RECEIVED");

        // the lead moved to REPLIED; the contact's timeline shows the reply's text, linking to the thread
        assertThat(f.api.get("/api/v1/leads/" + f.lead, f.token())
                        .expect(200)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("REPLIED");
        String contact = listed.path("contactId").asText();
        JsonNode timeline = f.api.get("/api/v1/contacts/" + contact + "/timeline", f.token())
                .expect(200)
                .json()
                .path("data");
        JsonNode reply = null;
        for (JsonNode entry : timeline) {
            if (entry.path("kind").asText().equals("REPLY")) {
                reply = entry;
            }
        }
        assertThat(reply).isNotNull();
        assertThat(reply.path("text").asText()).isEqualTo("Yes, call me on Tuesday.");
        assertThat(reply.path("link").asText()).isEqualTo("/inbox/" + id);

        // unread for this user until opened; the badge's count follows
        assertThat(f.api.get("/api/v1/conversations/unread-count", f.token())
                        .expect(200)
                        .json()
                        .path("count")
                        .asLong())
                .isEqualTo(1);
        f.api.post("/api/v1/me/conversations/" + id + "/read", f.token(), Map.of())
                .expect(200);
        assertThat(f.api.get("/api/v1/conversations/unread-count", f.token())
                        .expect(200)
                        .json()
                        .path("count")
                        .asLong())
                .isZero();

        // a second reply joins the same thread and is unread again; filing a reply twice changes nothing
        f.reply("Or Wednesday.", null).expect(200);
        JsonNode again = f.awaitConversation(3);
        assertThat(again.path("id").asText()).isEqualTo(id);
        assertThat(again.path("unread").asBoolean()).isTrue();
        UUID replyId = f.db.sql("select id from email_reply_events where email_id = ? order by replied_at limit 1")
                .param(f.emailId)
                .query(UUID.class)
                .single();
        assertThat(conversations.recordReply(TenantId.of(f.admin.tenantId()), replyId))
                .contains(UUID.fromString(id));
        assertThat(f.api.get("/api/v1/conversations/" + id, f.token())
                        .expect(200)
                        .json()
                        .path("messages")
                        .size())
                .isEqualTo(3);
        // the inbox's default filter lists it; the feed has the fact
        assertThat(f.api.get("/api/v1/conversations?status=TO_ANSWER", f.token())
                        .expect(200)
                        .json()
                        .path("data")
                        .size())
                .isEqualTo(1);
        // events are numbered once every older transaction on the server has ended: wait for it
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> assertThat(f.api.get("/api/v1/events/feed?type=conversation.message_received", f.token())
                                        .expect(200)
                                        .json()
                                        .path("data")
                                        .size())
                                .isEqualTo(2));
    }

    @Test
    void answeringThreadsTheEmailAndClosingClearsTheConversation() {
        ConversationFixture f = new ConversationFixture(api(), database());
        f.api.patch(
                        "/api/v1/settings/safety",
                        f.token(),
                        Map.of("dryRunMode", false, "channels", Map.of("EMAIL", true)))
                .expect(200);
        RecordingAdapters.configure(TenantId.of(f.admin.tenantId()));
        f.reply("Send me the price list.", "<reply-2@ada.example>").expect(200);
        String id = f.awaitConversation(2).path("id").asText();

        f.api.send("POST", "/api/v1/conversations/" + id + "/replies", f.token(), Map.of("bodyText", "  "), Map.of())
                .expectError(400, "VALIDATION_ERROR");
        f.api.send(
                        "POST",
                        "/api/v1/conversations/" + UUID.randomUUID() + "/replies",
                        f.token(),
                        Map.of("bodyText", "Hi"),
                        Map.of())
                .expectError(404, "NOT_FOUND");

        String key = UUID.randomUUID().toString();
        JsonNode answer = f.api.send(
                        "POST",
                        "/api/v1/conversations/" + id + "/replies",
                        f.token(),
                        Map.of("bodyText", "Here it is, Ada."),
                        Map.of("Idempotency-Key", key))
                .expect(202)
                .json();
        assertThat(answer.path("direction").asText()).isEqualTo("OUT");
        assertThat(answer.path("subject").asText()).isEqualTo("Re: Shall we talk?");
        assertThat(answer.path("recipient").asText()).isEqualTo(f.to);
        UUID emailId = UUID.fromString(answer.path("emailId").asText());
        Map<String, Object> email = f.email(emailId);
        assertThat(email.get("in_reply_to")).isEqualTo("<reply-2@ada.example>");
        assertThat(email.get("thread_references")).isEqualTo(f.messageId + " <reply-2@ada.example>");
        assertThat(email.get("lead_id")).isEqualTo(UUID.fromString(f.lead));

        // the same key again: the same message, nothing more queued
        JsonNode repeat = f.api.send(
                        "POST",
                        "/api/v1/conversations/" + id + "/replies",
                        f.token(),
                        Map.of("bodyText", "Here it is, Ada."),
                        Map.of("Idempotency-Key", key))
                .expect(202)
                .json();
        assertThat(repeat.path("id").asText()).isEqualTo(answer.path("id").asText());
        assertThat(f.db.sql("select count(*) from emails where tenant_id = ?")
                        .param(UUID.fromString(f.admin.tenantId()))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);

        JsonNode thread =
                f.api.get("/api/v1/conversations/" + id, f.token()).expect(200).json();
        assertThat(thread.path("status").asText()).isEqualTo("OPEN");
        assertThat(thread.path("messages").size()).isEqualTo(3);
        // the answer's status is its email's: it goes out through the recording adapter
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(f.api.get("/api/v1/conversations/" + id, f.token())
                                .expect(200)
                                .json()
                                .path("messages")
                                .get(2)
                                .toString())
                        .contains("\"status\":\"SENT\""));
        var sent = RecordingAdapters.sentFor(TenantId.of(f.admin.tenantId()))
                .get(0)
                .message();
        assertThat(sent.email().headers())
                .containsEntry("In-Reply-To", "<reply-2@ada.example>")
                .containsEntry("References", f.messageId + " <reply-2@ada.example>");
        assertThat(sent.subject()).isEqualTo("Re: Shall we talk?");
        assertThat(sent.body()).startsWith("Here it is, Ada.");
        assertThat(f.api.get("/api/v1/conversations?status=TO_ANSWER", f.token())
                        .expect(200)
                        .json()
                        .path("data")
                        .size())
                .isZero();

        JsonNode closed = f.api.post("/api/v1/conversations/" + id + "/close", f.token(), Map.of())
                .expect(200)
                .json();
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        f.api.post("/api/v1/conversations/" + id + "/close", f.token(), Map.of())
                .expect(200);
        // events are numbered once every older transaction on the server has ended: wait for it
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(f.api.get("/api/v1/events/feed?type=conversation.closed", f.token())
                                .expect(200)
                                .json()
                                .path("data")
                                .size())
                        .isEqualTo(1));

        // a new reply reopens it as waiting
        f.reply("Thanks! One more question.", null).expect(200);
        JsonNode reopened = f.awaitConversation(4);
        assertThat(reopened.path("status").asText()).isEqualTo("TO_ANSWER");

        f.api.get("/api/v1/conversations?status=NOPE", f.token()).expectError(400, "VALIDATION_ERROR");
        Api.Session viewer = f.api.addUser(f.admin, "VIEWER");
        f.api.send(
                        "POST",
                        "/api/v1/conversations/" + id + "/replies",
                        viewer.accessToken(),
                        Map.of("bodyText", "Hi"),
                        Map.of())
                .expect(403);
    }
}
