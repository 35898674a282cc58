package ai.revo.missioncontrol.contacts;

import ai.revo.missioncontrol.platform.DataSubject;
import ai.revo.missioncontrol.platform.PersonalDataHolder;
import ai.revo.missioncontrol.platform.PersonalDataTables;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** This module's part of a privacy request: its own tables' rows about the person, exported or erased. */
@Component
class ContactPersonalData implements PersonalDataHolder {

    private static final String[] TABLES = {
        "contacts:id", "leads:id,contact_id", "contact_notes:contact_id", "lead_history:lead_id,contact_id"
    };

    private final PersonalDataTables tables;
    private final JdbcClient jdbc;

    ContactPersonalData(PersonalDataTables tables, JdbcClient jdbc) {
        this.tables = tables;
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "contacts";
    }

    private DataSubject expand(DataSubject subject) {
        DataSubject s = subject;
        return s;
    }

    @Override
    public List<java.util.UUID> related(DataSubject subject) {
        return expand(subject).related();
    }

    @Override
    public Map<String, List<Object>> export(DataSubject subject) {
        return tables.export(expand(subject), TABLES);
    }

    @Override
    public void erase(DataSubject subject) {
        DataSubject s = expand(subject);
        tables.blank(s, "contact_notes:contact_id", "body");
        // the contact itself: an empty shell (kept for the references of other modules' rows), no longer listed
        jdbc.sql("update contacts set first_name = null, last_name = null, email = null, phone = null, company = null,"
                        + " job_title = null, city = null, country = null, timezone = null, tags = '[]',"
                        + " custom_fields = '{}', deleted_at = coalesce(deleted_at, now()), updated_at = now()"
                        + " where tenant_id = ? and id = ?")
                .params(s.tenantId(), s.contactId())
                .update();
        jdbc.sql("update leads set score_reason = null, score_override_reason = null, next_action = null,"
                        + " updated_at = now() where tenant_id = ? and contact_id = ?")
                .params(s.tenantId(), s.contactId())
                .update();
        tables.scrub(s, TABLES);
    }
}
