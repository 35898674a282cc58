package ai.revo.missioncontrol.conversations;

import ai.revo.missioncontrol.platform.DataSubject;
import ai.revo.missioncontrol.platform.PersonalDataHolder;
import ai.revo.missioncontrol.platform.PersonalDataTables;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** This module's part of a privacy request: its own tables' rows about the person, exported or erased. */
@Component
class ConversationPersonalData implements PersonalDataHolder {

    private static final String[] TABLES = {
        "conversations:id,contact_id,lead_id",
        "conversation_messages:conversation_id,@",
        "conversation_ai_replies:conversation_id",
        "conversation_follow_ups:conversation_id,lead_id",
        "conversation_reads:conversation_id"
    };

    private final PersonalDataTables tables;

    ConversationPersonalData(PersonalDataTables tables) {
        this.tables = tables;
    }

    @Override
    public String section() {
        return "conversations";
    }

    private DataSubject expand(DataSubject subject) {
        DataSubject s = subject;
        s = s.with(tables.idsAbout(s, "conversations:contact_id,lead_id,@", "id"));
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
        tables.blank(s, "conversation_messages:conversation_id,@", "subject", "body_text", "payload");
        tables.blank(s, "conversations:id", "subject", "last_preview");
        tables.scrub(s, TABLES);
    }
}
