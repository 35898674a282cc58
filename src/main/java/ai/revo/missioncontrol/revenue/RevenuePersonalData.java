package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.platform.DataSubject;
import ai.revo.missioncontrol.platform.PersonalDataHolder;
import ai.revo.missioncontrol.platform.PersonalDataTables;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** This module's part of a privacy request: its own tables' rows about the person, exported or erased. */
@Component
class RevenuePersonalData implements PersonalDataHolder {

    private static final String[] TABLES = {
        "deals:id,contact_id,lead_id",
        "deal_stage_changes:deal_id",
        "negotiation_entries:deal_id",
        "invoices:id,deal_id,contact_id",
        "invoice_lines:invoice_id",
        "invoice_payments:invoice_id",
        "dunning_reminders:invoice_id",
        "contracts:id,deal_id",
        "contract_versions:contract_id",
        "contract_signed_copies:contract_id",
        "revenue_messages:deal_id,invoice_id",
        "deal_proposals:contact_id,lead_id,deal_id"
    };

    private final PersonalDataTables tables;

    RevenuePersonalData(PersonalDataTables tables) {
        this.tables = tables;
    }

    @Override
    public String section() {
        return "revenue";
    }

    private DataSubject expand(DataSubject subject) {
        DataSubject s = subject;
        s = s.with(tables.idsAbout(s, "deals:contact_id,lead_id", "id"));
        s = s.with(tables.idsAbout(s, "invoices:deal_id,contact_id", "id"));
        s = s.with(tables.idsAbout(s, "contracts:deal_id", "id"));
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
        tables.blank(s, "contract_versions:contract_id", "body");
        tables.scrub(s, TABLES);
    }
}
