package ai.revo.missioncontrol.platform;

import java.util.List;
import java.util.Map;

/**
 * A module that holds personal data about contacts (messages, drafts, logs, events …). The module declares a bean
 * and reads or scrubs only its own tables; the privacy module asks every holder for an export or an erasure. Both
 * run inside one transaction with the workspace bound, so an erasure is complete or not at all.
 */
public interface PersonalDataHolder {

    /** The export's section for this module, e.g. {@code "email"}. */
    String section();

    /**
     * Ids of this module's own rows about the subject (their emails, drafts, conversations …), so that other
     * modules' rows that mention only those (events about an email) count as about the subject too.
     */
    default List<java.util.UUID> related(DataSubject subject) {
        return List.of();
    }

    /** Everything this module holds about the subject: rows per table, as JSON values. */
    Map<String, List<Object>> export(DataSubject subject);

    /** Removes or irreversibly scrubs the subject's personal data from this module's tables. */
    void erase(DataSubject subject);
}
