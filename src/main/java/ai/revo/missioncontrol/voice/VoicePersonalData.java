package ai.revo.missioncontrol.voice;

import ai.revo.missioncontrol.platform.DataSubject;
import ai.revo.missioncontrol.platform.PersonalDataHolder;
import ai.revo.missioncontrol.platform.PersonalDataTables;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * This module's part of a privacy request: the person's calls (linked to their contact or lead, or from their
 * number) with summary, transcript and recording link, and the raw provider messages of those calls.
 */
@Component
class VoicePersonalData implements PersonalDataHolder {

    private static final String[] TABLES = {"voice_calls:id,contact_id,lead_id,@", "voice_messages:call_id,*"};

    private final PersonalDataTables tables;
    private final JdbcClient jdbc;

    VoicePersonalData(PersonalDataTables tables, JdbcClient jdbc) {
        this.tables = tables;
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "voice";
    }

    private DataSubject expand(DataSubject subject) {
        return subject.with(tables.idsAbout(subject, "voice_calls:contact_id,lead_id,@", "id"));
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
        // the caller's number is kept short (at most 50 characters), too short for the keyed hash: it goes
        if (!s.related().isEmpty()) {
            jdbc.sql("update voice_calls set caller_number = null where tenant_id = :tenant and id in (:ids)")
                    .param("tenant", s.tenantId())
                    .param("ids", s.related())
                    .update();
        }
        tables.blank(
                s,
                "voice_calls:id,contact_id,lead_id,@",
                "caller_name",
                "summary",
                "transcript",
                "recording_url",
                "callback_note");
        tables.blank(s, "voice_messages:call_id", "body", "answer");
        tables.blankWhereMentioned(s, "voice_messages", "body", "answer");
        tables.scrub(s, TABLES);
    }
}
