package ai.revo.missioncontrol.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.email.EmailIntegrationTest;
import ai.revo.missioncontrol.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** An answer from the inbox reaches a real SMTP server threaded under the reply it answers. */
class AnswerDeliveryTest extends EmailIntegrationTest {

    @Test
    void theDeliveredAnswerCarriesInReplyToAndReferencesOfTheThread() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        api.patch("/api/v1/settings/safety", admin.accessToken(), live()).expect(200);
        ConversationFixture f = new ConversationFixture(api, database(), admin);
        f.reply("Sounds good. What does it cost?", "<their-reply-1@mail.ada.example>")
                .expect(200);
        String id = f.awaitConversation(2).path("id").asText();

        JsonNode answer = api.send(
                        "POST",
                        "/api/v1/conversations/" + id + "/replies",
                        admin.accessToken(),
                        Map.of("bodyText", "It costs 40 EUR a month, Ada."),
                        Map.of("Idempotency-Key", UUID.randomUUID().toString()))
                .expect(202)
                .json();
        String emailId = answer.path("emailId").asText();

        MimeMessage[] delivered = new MimeMessage[1];
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<MimeMessage> mine = Arrays.stream(GREENMAIL.getReceivedMessages())
                    .filter(m -> {
                        try {
                            return m.getRecipients(Message.RecipientType.TO)[0]
                                    .toString()
                                    .equalsIgnoreCase(f.to);
                        } catch (Exception e) {
                            return false;
                        }
                    })
                    .toList();
            if (mine.isEmpty()) {
                return false;
            }
            delivered[0] = mine.get(0);
            return true;
        });
        MimeMessage mail = delivered[0];
        assertThat(mail.getSubject()).isEqualTo("Re: Shall we talk?");
        assertThat(mail.getHeader("In-Reply-To")).containsExactly("<their-reply-1@mail.ada.example>");
        assertThat(mail.getHeader("References")).containsExactly(f.messageId + " <their-reply-1@mail.ada.example>");
        assertThat(mail.getMessageID())
                .isEqualTo(f.email(UUID.fromString(emailId)).get("message_id"));

        // the thread shows the answer as sent
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(api.get("/api/v1/conversations/" + id, admin.accessToken())
                                .expect(200)
                                .json()
                                .path("messages")
                                .get(2)
                                .path("status")
                                .asText())
                        .isEqualTo("SENT"));
    }

    @Test
    void anAnswerWithoutTheReplysOwnMessageIdAnswersTheOriginalEmail() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        api.patch("/api/v1/settings/safety", admin.accessToken(), live()).expect(200);
        ConversationFixture f = new ConversationFixture(api, database(), admin);
        f.reply("Call me.", null).expect(200);
        String id = f.awaitConversation(2).path("id").asText();
        api.post("/api/v1/conversations/" + id + "/replies", admin.accessToken(), Map.of("bodyText", "Will do."))
                .expect(202);
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> Arrays.stream(GREENMAIL.getReceivedMessages()).anyMatch(m -> {
                    try {
                        return m.getRecipients(Message.RecipientType.TO)[0]
                                .toString()
                                .equalsIgnoreCase(f.to);
                    } catch (Exception e) {
                        return false;
                    }
                }));
        MimeMessage mail = Arrays.stream(GREENMAIL.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getRecipients(Message.RecipientType.TO)[0]
                                .toString()
                                .equalsIgnoreCase(f.to);
                    } catch (Exception e) {
                        return false;
                    }
                })
                .findFirst()
                .orElseThrow();
        assertThat(mail.getHeader("In-Reply-To")).containsExactly(f.messageId);
        assertThat(mail.getHeader("References")).containsExactly(f.messageId);
    }
}
