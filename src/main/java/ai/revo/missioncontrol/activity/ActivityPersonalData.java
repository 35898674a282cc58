package ai.revo.missioncontrol.activity;

import ai.revo.missioncontrol.platform.DataSubject;
import ai.revo.missioncontrol.platform.PersonalDataHolder;
import ai.revo.missioncontrol.platform.PersonalDataTables;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** This module's part of a privacy request: its own tables' rows about the person, exported or erased. */
@Component
class ActivityPersonalData implements PersonalDataHolder {

    private static final String[] TABLES = {"events:entity_id,*"};

    private final PersonalDataTables tables;
    private final JdbcClient jdbc;

    ActivityPersonalData(PersonalDataTables tables, JdbcClient jdbc) {
        this.tables = tables;
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "activity";
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
        // the audit log stays append-only: only this function may replace the person's values by the hash
        String ids =
                String.join("|", s.ids().stream().map(java.util.UUID::toString).toList());
        jdbc.sql("select activity_erase_from_audit(?, ?, ?, ?, ?)")
                .params(
                        s.tenantId(),
                        PersonalDataTables.pattern(s.identifiers()),
                        PersonalDataTables.pattern(s.names()),
                        ids,
                        s.replacement())
                .query(Integer.class)
                .single();
        tables.scrub(s, TABLES);
    }
}
