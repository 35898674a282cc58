package ai.revo.missioncontrol.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.safety.Channel;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConversationTest {

    static final TenantId TENANT = TenantId.random();
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static ConversationMessage message(Conversation c, Direction direction, String text, Instant at) {
        return ConversationMessage.write(
                TENANT,
                c.id(),
                new ConversationMessage.Content(
                        direction,
                        Channel.EMAIL,
                        "k:" + UUID.randomUUID(),
                        null,
                        null,
                        null,
                        "ada@example.com",
                        "sales@example.com",
                        "Re: Hello",
                        text,
                        null,
                        null,
                        at),
                NOW);
    }

    @Test
    void aMessageFromThePersonMakesItWaitAndAnAnswerClearsIt() {
        Conversation c = Conversation.start(TENANT, UUID.randomUUID(), null, null, "ada@example.com", "Hello", NOW);
        c.recorded(message(c, Direction.OUT, "Hi Ada", NOW.minusSeconds(60)), NOW);
        assertThat(c.status()).isEqualTo(ConversationStatus.OPEN);
        c.received(message(c, Direction.IN, "Yes   please\n\nsoon", NOW), NOW);
        assertThat(c.status()).isEqualTo(ConversationStatus.TO_ANSWER);
        assertThat(c.lastInboundAt()).isEqualTo(NOW);
        assertThat(c.lastPreview()).isEqualTo("Yes please soon");
        assertThat(c.messageCount()).isEqualTo(2);
        c.answered(message(c, Direction.OUT, "Sure", NOW.plusSeconds(5)), Actor.system(), NOW);
        assertThat(c.status()).isEqualTo(ConversationStatus.OPEN);
    }

    @Test
    void closingTwiceChangesNothingAndANewReplyReopens() {
        Conversation c = Conversation.start(TENANT, UUID.randomUUID(), null, null, "ada@example.com", "Hello", NOW);
        assertThat(c.close(Actor.system(), NOW)).isTrue();
        assertThat(c.close(Actor.system(), NOW)).isFalse();
        assertThat(c.status()).isEqualTo(ConversationStatus.CLOSED);
        c.received(message(c, Direction.IN, "One more thing", NOW), NOW);
        assertThat(c.status()).isEqualTo(ConversationStatus.TO_ANSWER);
    }

    @Test
    void theSubjectGetsOneReAndReferencesKeepTheFirstAndTheLatestTen() {
        assertThat(ConversationManagement.reSubject("Hello")).isEqualTo("Re: Hello");
        assertThat(ConversationManagement.reSubject("RE: Hello")).isEqualTo("RE: Hello");
        List<String> ids =
                IntStream.rangeClosed(1, 14).mapToObj(i -> "<" + i + "@x>").toList();
        String refs = ConversationManagement.references(new LinkedHashSet<>(ids));
        assertThat(refs.split(" ")).hasSize(10).startsWith("<1@x>").endsWith("<14@x>");
        assertThat(refs).doesNotContain("<2@x>");
    }
}
