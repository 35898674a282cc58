package ai.revo.missioncontrol.sites;

import ai.revo.missioncontrol.contacts.ContactTimelineSource;
import ai.revo.missioncontrol.contacts.TimelineEntry;
import ai.revo.missioncontrol.identity.TenantId;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the person sent from the workspace's sites, for the contact's timeline: kind SITE_EVENT, subject the event
 * type, from the site's name, to the event's status, text the first properties ({@code key: value}).
 */
@Component
class SiteContactTimeline implements ContactTimelineSource {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    SiteContactTimeline(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public List<TimelineEntry> timeline(TenantId tenant, Subject subject, int limit) {
        return jdbc.sql("select e.id, e.site_id, e.received_at, e.type, e.status, e.properties, e.lead_id, s.name, "
                        + "s.campaign_id from site_events e join sites s on s.tenant_id = e.tenant_id and s.id = "
                        + "e.site_id where e.tenant_id = ? and e.contact_id = ? order by e.received_at desc limit ?")
                .params(tenant.value(), subject.contactId(), limit)
                .query((rs, n) -> new TimelineEntry(
                        rs.getTimestamp("received_at").toInstant(),
                        "SITE_EVENT",
                        rs.getString("type"),
                        summary(rs.getString("properties")),
                        rs.getString("name"),
                        rs.getString("status"),
                        rs.getObject("lead_id", UUID.class),
                        rs.getObject("campaign_id", UUID.class),
                        rs.getString("name"),
                        "/sites/" + rs.getObject("site_id", UUID.class) + "/events/" + rs.getObject("id", UUID.class)))
                .list();
    }

    private String summary(String properties) {
        try {
            Map<String, Object> p = json.readValue(properties == null ? "{}" : properties, OBJECT);
            String text = p.entrySet().stream()
                    .limit(4)
                    .map(e -> e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining(" · "));
            return text.isEmpty() ? null : PayloadMapper.clip(text, 300);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }
}
