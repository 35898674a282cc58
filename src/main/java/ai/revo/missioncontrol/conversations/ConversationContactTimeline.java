package ai.revo.missioncontrol.conversations;

import ai.revo.missioncontrol.contacts.ContactTimelineSource;
import ai.revo.missioncontrol.contacts.TimelineEntry;
import ai.revo.missioncontrol.identity.TenantId;
import java.util.List;
import org.springframework.stereotype.Component;

/** What the person wrote to us, with its text, for their timeline: each reply links to its conversation. */
@Component
class ConversationContactTimeline implements ContactTimelineSource {

    private final ConversationManagement conversations;

    ConversationContactTimeline(ConversationManagement conversations) {
        this.conversations = conversations;
    }

    @Override
    public List<TimelineEntry> timeline(TenantId tenant, Subject subject, int limit) {
        return conversations.receivedFrom(tenant, subject.contactId(), limit).stream()
                .map(m -> new TimelineEntry(
                        m.at(),
                        "REPLY",
                        m.subject(),
                        m.bodyText(),
                        null,
                        null,
                        m.leadId(),
                        m.campaignId(),
                        null,
                        "/inbox/" + m.conversationId()))
                .toList();
    }
}
