package ai.revo.missioncontrol.platform;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A {@link PersonalDataHolder} that is only a list of its module's tables (in the {@link PersonalDataTables} spec
 * form, {@code table:link1,link2}): the export reads them, the erasure blanks what the module names in
 * {@link #blank} and scrubs them all. A module whose rows hang off its own rows about the person adds their ids in
 * {@link #expand}; a holder that needs more (deleting files, clearing a column) implements the interface itself.
 */
public abstract class TablePersonalData implements PersonalDataHolder {

    private final PersonalDataTables tables;
    private final String section;
    private final String[] specs;

    protected TablePersonalData(PersonalDataTables tables, String section, String... specs) {
        this.tables = tables;
        this.section = section;
        this.specs = specs.clone();
    }

    protected final PersonalDataTables tables() {
        return tables;
    }

    /** The subject with this module's own rows about them that other rows hang off; as given by default. */
    protected DataSubject expand(DataSubject subject) {
        return subject;
    }

    /** Whole columns to replace in the rows about the subject (message bodies) before the scrub; none by default. */
    protected void blank(DataSubject subject) {}

    @Override
    public final String section() {
        return section;
    }

    @Override
    public final List<UUID> related(DataSubject subject) {
        return expand(subject).related();
    }

    @Override
    public final Map<String, List<Object>> export(DataSubject subject) {
        return tables.export(expand(subject), specs);
    }

    @Override
    public final void erase(DataSubject subject) {
        DataSubject s = expand(subject);
        blank(s);
        tables.scrub(s, specs);
    }
}
