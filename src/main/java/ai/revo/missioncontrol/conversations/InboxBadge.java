package ai.revo.missioncontrol.conversations;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.identity.UserId;
import ai.revo.missioncontrol.platform.NavigationBadge;
import ai.revo.missioncontrol.platform.TenantScoped;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The Inbox entry's badge: conversations with a reply this user has not opened yet. */
@Component
class InboxBadge implements NavigationBadge {

    private final ConversationManagement conversations;

    InboxBadge(ConversationManagement conversations) {
        this.conversations = conversations;
    }

    @Override
    public String path() {
        return "/inbox";
    }

    @Override
    public long count(TenantScoped tenant, UUID userId) {
        return conversations.unreadCount(new TenantId(tenant.tenantUuid()), new UserId(userId));
    }

    @Override
    public String meaning() {
        return "unread replies";
    }
}
