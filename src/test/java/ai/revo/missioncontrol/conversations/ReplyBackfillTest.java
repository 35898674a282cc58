package ai.revo.missioncontrol.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Replies recorded before the conversations module existed have no conversation; the backfill files them, once,
 * so they show in the Inbox and on the contact's timeline, and leaves recent ones to the live listener.
 */
class ReplyBackfillTest extends IntegrationTest {

    @Autowired
    ReplyBackfill backfill;

    /** A reply as the webhook recorded it before V0091: a row of email_reply_events and nothing else. */
    private static UUID oldReply(ConversationFixture f, String text, Instant recordedAt) {
        UUID id = UUID.randomUUID();
        f.db.sql("""
                insert into email_reply_events (id, tenant_id, email_id, reply_subject, reply_body, replied_at,
                    created_at, updated_at)
                values (?, ?, ?, 'Re: Shall we talk?', ?, ?, ?, ?)""")
                .params(
                        id,
                        UUID.fromString(f.admin.tenantId()),
                        f.emailId,
                        text,
                        Timestamp.from(recordedAt),
                        Timestamp.from(recordedAt),
                        Timestamp.from(recordedAt))
                .update();
        return id;
    }

    private static JsonNode conversations(ConversationFixture f) {
        return f.api.get("/api/v1/conversations?status=ALL", f.token())
                .expect(200)
                .json()
                .path("data");
    }

    @Test
    void oldRepliesAreFiledIntoTheInboxAndTheTimelineOnceAndRecentOnesAreLeftToTheListener() {
        Api api = api();
        ConversationFixture f = new ConversationFixture(api, database(), api.signup());
        Instant lastMonth = Instant.now().minusSeconds(30L * 24 * 3600);
        // the email they answered went out before that
        f.db.sql("update emails set sent_at = ?, created_at = ? where id = ?")
                .params(
                        Timestamp.from(lastMonth.minusSeconds(86400)),
                        Timestamp.from(lastMonth.minusSeconds(86400)),
                        f.emailId)
                .update();
        oldReply(f, "Yes, tell me more about the fleet plan.", lastMonth);
        oldReply(f, "Also: do you deliver to Ottawa?", lastMonth.plusSeconds(3600));
        UUID recent = oldReply(f, "Just now", Instant.now());
        assertThat(conversations(f)).isEmpty();

        assertThat(backfill.fileUnfiledReplies()).isGreaterThanOrEqualTo(2);

        JsonNode list = conversations(f);
        assertThat(list).hasSize(1);
        JsonNode conversation = list.get(0);
        // the email they answer, then both replies; the recent one is the live listener's to file
        assertThat(conversation.path("messageCount").asInt()).isEqualTo(3);
        assertThat(conversation.path("status").asText()).isEqualTo("TO_ANSWER");
        JsonNode thread = api.get(
                        "/api/v1/conversations/" + conversation.path("id").asText(), f.token())
                .expect(200)
                .json();
        List<String> texts = new ArrayList<>();
        thread.path("messages").forEach(m -> texts.add(m.path("bodyText").asText()));
        assertThat(texts)
                .containsExactly(
                        "Hi Ada, shall we talk about your fleet?",
                        "Yes, tell me more about the fleet plan.",
                        "Also: do you deliver to Ottawa?");
        assertThat(texts).doesNotContain("Just now");
        assertThat(api.get("/api/v1/conversations?status=TO_ANSWER", f.token())
                        .json()
                        .path("data"))
                .hasSize(1);

        String contact = api.get("/api/v1/leads/" + f.lead, f.token())
                .json()
                .path("contactId")
                .asText();
        JsonNode timeline = api.get("/api/v1/contacts/" + contact + "/timeline", f.token())
                .expect(200)
                .json()
                .path("data");
        List<String> replies = new ArrayList<>();
        timeline.forEach(e -> {
            if (e.path("kind").asText().equals("REPLY")) {
                replies.add(e.path("text").asText());
            }
        });
        assertThat(replies).contains("Yes, tell me more about the fleet plan.", "Also: do you deliver to Ottawa?");

        // a second pass files nothing again
        backfill.fileUnfiledReplies();
        assertThat(conversations(f).get(0).path("messageCount").asInt()).isEqualTo(3);
        assertThat(recent).isNotNull();
    }
}
