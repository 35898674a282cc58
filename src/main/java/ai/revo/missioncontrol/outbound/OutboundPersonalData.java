package ai.revo.missioncontrol.outbound;

import ai.revo.missioncontrol.platform.DataSubject;
import ai.revo.missioncontrol.platform.PersonalDataHolder;
import ai.revo.missioncontrol.platform.PersonalDataTables;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** This module's part of a privacy request: its own tables' rows about the person, exported or erased. */
@Component
class OutboundPersonalData implements PersonalDataHolder {

    private static final String[] TABLES = {"outbound_messages:id,lead_id"};

    private final PersonalDataTables tables;

    OutboundPersonalData(PersonalDataTables tables) {
        this.tables = tables;
    }

    @Override
    public String section() {
        return "outbound";
    }

    private DataSubject expand(DataSubject subject) {
        DataSubject s = subject;
        s = s.with(tables.idsAbout(s, "outbound_messages:lead_id,@", "id"));
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
        tables.blank(s, "outbound_messages:id", "subject", "body", "provider_response");
        tables.blankWhereMentioned(s, "outbound_messages", "subject", "body", "provider_response");
        tables.scrub(s, TABLES);
    }
}
