package ai.revo.missioncontrol.drafts;

import ai.revo.missioncontrol.platform.DataSubject;
import ai.revo.missioncontrol.platform.PersonalDataHolder;
import ai.revo.missioncontrol.platform.PersonalDataTables;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** This module's part of a privacy request: its own tables' rows about the person, exported or erased. */
@Component
class DraftPersonalData implements PersonalDataHolder {

    private static final String[] TABLES = {"drafts:id,lead_id", "draft_versions:draft_id", "approvals:draft_id"};

    private final PersonalDataTables tables;

    DraftPersonalData(PersonalDataTables tables) {
        this.tables = tables;
    }

    @Override
    public String section() {
        return "drafts";
    }

    private DataSubject expand(DataSubject subject) {
        DataSubject s = subject;
        s = s.with(tables.idsAbout(s, "drafts:lead_id", "id"));
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
        tables.blank(s, "drafts:id", "subject", "body_text", "body_html");
        tables.blank(s, "draft_versions:draft_id", "subject", "body_text", "body_html");
        tables.scrub(s, TABLES);
    }
}
