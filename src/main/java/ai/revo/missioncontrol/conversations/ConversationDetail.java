package ai.revo.missioncontrol.conversations;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/** A conversation with its messages, oldest first. */
public record ConversationDetail(@JsonUnwrapped ConversationView conversation, List<MessageView> messages) {}
