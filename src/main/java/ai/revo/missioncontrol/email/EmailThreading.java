package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.identity.TenantId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The threading headers an email carries (In-Reply-To, References) when it answers a reply. */
@Service
public class EmailThreading {

    private final JdbcClient jdbc;

    EmailThreading(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The headers to send, empty for an email that answers nothing. */
    @Transactional(readOnly = true)
    public Map<String, String> headers(TenantId tenant, UUID emailId) {
        Map<String, String> headers = new LinkedHashMap<>();
        jdbc.sql("select in_reply_to, thread_references from emails where tenant_id = ? and id = ?")
                .params(tenant.value(), emailId)
                .query(rs -> {
                    String inReplyTo = rs.getString(1);
                    String references = rs.getString(2);
                    if (inReplyTo != null && !inReplyTo.isBlank()) {
                        headers.put("In-Reply-To", inReplyTo);
                    }
                    if (references != null && !references.isBlank()) {
                        headers.put("References", references);
                    }
                });
        return headers;
    }
}
