package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.platform.DataSubject;
import ai.revo.missioncontrol.platform.PersonalDataHolder;
import ai.revo.missioncontrol.platform.PersonalDataTables;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** This module's part of a privacy request: its own tables' rows about the person, exported or erased. */
@Component
class EmailPersonalData implements PersonalDataHolder {

    private static final String[] TABLES = {
        "emails:id,lead_id,@",
        "email_drafts:id,prospect_id",
        "email_reply_events:email_id,@",
        "email_logs:email_id",
        "email_status_history:email_id",
        "email_open_events:email_id",
        "email_click_events:email_id",
        "email_bounce_events:email_id",
        "email_inbound_messages:email_id,@",
        "email_delivery_events:email_id,@",
        "idempotency_keys:*"
    };

    private final PersonalDataTables tables;

    EmailPersonalData(PersonalDataTables tables) {
        this.tables = tables;
    }

    @Override
    public String section() {
        return "email";
    }

    private DataSubject expand(DataSubject subject) {
        DataSubject s = subject;
        s = s.with(tables.idsAbout(s, "emails:lead_id,@", "id"));
        // the composer's drafts behind their emails
        s = s.with(tables.idsAbout(s, "emails:id", "draft_id").stream()
                .filter(java.util.Objects::nonNull)
                .toList());
        s = s.with(tables.idsAbout(s, "email_drafts:prospect_id", "id"));
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
        tables.blank(s, "emails:id", "subject", "body_html", "body_text");
        tables.blank(s, "email_reply_events:email_id,@", "reply_subject", "reply_body");
        tables.blank(s, "email_drafts:id", "subject", "body_html", "body_text");
        // inbound emails as the provider sent them: threaded to their email, from them, or naming them in the raw body
        // (and, for Resend, the message as fetched from its API)
        tables.blank(s, "email_inbound_messages:email_id,@", "body", "subject", "content");
        tables.blankWhereMentioned(s, "email_inbound_messages", "body", "subject", "content");
        // providers' delivery events (bounces, complaints, deliveries) about their emails or naming them
        tables.blank(s, "email_delivery_events:email_id,@", "body", "reason", "recipient");
        tables.blankWhereMentioned(s, "email_delivery_events", "body", "reason", "recipient");
        tables.scrub(s, TABLES);
    }
}
