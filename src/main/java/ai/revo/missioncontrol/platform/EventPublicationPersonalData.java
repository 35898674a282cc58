package ai.revo.missioncontrol.platform;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The event publication registry's part of an erasure: serialized events waiting for (or kept after) their
 * delivery to other modules' listeners carry the values they were published with. Not tenant-owned, so rows are
 * chosen by what they mention; nothing of it is exported (it repeats the events).
 */
@Component
class EventPublicationPersonalData implements PersonalDataHolder {

    private final JdbcClient jdbc;

    EventPublicationPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "platform";
    }

    @Override
    public Map<String, List<Object>> export(DataSubject subject) {
        return Map.of();
    }

    @Override
    public void erase(DataSubject subject) {
        String tenant = subject.tenantId().toString();
        String everywhere = PersonalDataTables.pattern(subject.identifiers());
        if (everywhere != null) {
            jdbc.sql("update event_publication set serialized_event = regexp_replace(serialized_event, ?, ?, 'gi')"
                            + " where serialized_event ~* ? and serialized_event like ?")
                    .params(everywhere, subject.replacement(), everywhere, "%" + tenant + "%")
                    .update();
        }
        String names = PersonalDataTables.pattern(subject.names());
        String ids = String.join(
                "|", subject.ids().stream().map(java.util.UUID::toString).toList());
        if (names != null) {
            jdbc.sql("update event_publication set serialized_event = regexp_replace(serialized_event, ?, ?, 'gi')"
                            + " where serialized_event ~* ? and serialized_event ~* ? and serialized_event like ?")
                    .params(names, subject.replacement(), names, ids, "%" + tenant + "%")
                    .update();
        }
    }
}
