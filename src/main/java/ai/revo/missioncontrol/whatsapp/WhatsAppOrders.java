package ai.revo.missioncontrol.whatsapp;

import ai.revo.missioncontrol.identity.TenantId;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The orders people placed in a WhatsApp conversation, newest first. */
@Service
public class WhatsAppOrders {

    private static final TypeReference<List<WhatsAppOrderView.Item>> ITEMS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ai.revo.missioncontrol.conversations.ChannelConversations conversations;

    WhatsAppOrders(
            JdbcClient jdbc,
            ObjectMapper json,
            ai.revo.missioncontrol.conversations.ChannelConversations conversations) {
        this.jdbc = jdbc;
        this.json = json;
        this.conversations = conversations;
    }

    /** The conversation's orders; 404 when the conversation is not this workspace's. */
    @Transactional(readOnly = true)
    public List<WhatsAppOrderView> ofConversation(TenantId tenant, UUID conversationId) {
        conversations.replyContext(tenant, conversationId); // 404 when it is not this workspace's
        return jdbc.sql("select * from whatsapp_orders where tenant_id = ? and conversation_id = ?"
                        + " order by created_at desc")
                .params(tenant.value(), conversationId)
                .query(this::view)
                .list();
    }

    private WhatsAppOrderView view(ResultSet rs, int n) throws SQLException {
        try {
            return new WhatsAppOrderView(
                    rs.getObject("id", UUID.class),
                    rs.getObject("conversation_id", UUID.class),
                    rs.getObject("lead_id", UUID.class),
                    rs.getString("provider_message_id"),
                    rs.getString("catalog_id"),
                    json.readValue(rs.getString("items"), ITEMS),
                    rs.getBigDecimal("total"),
                    rs.getString("currency"),
                    rs.getString("note"),
                    rs.getTimestamp("created_at").toInstant());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
