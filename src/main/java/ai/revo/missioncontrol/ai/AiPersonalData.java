package ai.revo.missioncontrol.ai;

import ai.revo.missioncontrol.platform.DataSubject;
import ai.revo.missioncontrol.platform.PersonalDataHolder;
import ai.revo.missioncontrol.platform.PersonalDataTables;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** This module's part of a privacy request: its own tables' rows about the person, exported or erased. */
@Component
class AiPersonalData implements PersonalDataHolder {

    private static final String[] TABLES = {"llm_logs:entity_id,*", "ai_feedback:*"};

    private final PersonalDataTables tables;

    AiPersonalData(PersonalDataTables tables) {
        this.tables = tables;
    }

    @Override
    public String section() {
        return "ai";
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
        tables.scrub(s, TABLES);
    }
}
