package ai.revo.missioncontrol.imports;

import ai.revo.missioncontrol.contacts.ContactBatches;
import ai.revo.missioncontrol.contacts.ContactDetails;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a file's rows into contact details with a mapping and decides each row's fate before anything is written:
 * valid, failed (bad email, bad phone, nothing to identify the person, a field too long) or skipped (a duplicate
 * of an earlier row of the same file, by email or phone). Keeps the first row of each email and phone it saw.
 */
final class RowCheck {

    enum Outcome {
        VALID,
        FAILED,
        SKIPPED,
        BLANK
    }

    record Result(Outcome outcome, ContactDetails details, String category, String reason) {}

    private final List<ImportField> columns;
    private final String region;
    private final Map<String, Integer> emails = new HashMap<>();
    private final Map<String, Integer> phones = new HashMap<>();

    RowCheck(List<ImportField> columns, String region) {
        this.columns = columns;
        this.region = region;
    }

    static boolean blank(List<String> cells) {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }

    ContactDetails details(List<String> cells) {
        String[] v = new String[ImportField.values().length];
        List<String> tags = null;
        for (int i = 0; i < columns.size() && i < cells.size(); i++) {
            ImportField field = columns.get(i);
            String cell = cells.get(i);
            if (field == null || cell == null || cell.isBlank()) {
                continue;
            }
            if (field == ImportField.TAGS) {
                if (tags == null) tags = new ArrayList<>();
                for (String t : cell.split("[,;|]")) {
                    if (!t.isBlank()) tags.add(t.trim());
                }
            } else if (v[field.ordinal()] == null) {
                v[field.ordinal()] = cell.trim();
            }
        }
        String first = v[ImportField.FIRST_NAME.ordinal()];
        String last = v[ImportField.LAST_NAME.ordinal()];
        String full = v[ImportField.NAME.ordinal()];
        if (full != null && first == null && last == null) {
            int space = full.lastIndexOf(' ');
            first = space < 0 ? full : full.substring(0, space).trim();
            last = space < 0 ? null : full.substring(space + 1).trim();
        }
        return new ContactDetails(
                first,
                last,
                v[ImportField.EMAIL.ordinal()],
                v[ImportField.PHONE.ordinal()],
                v[ImportField.COMPANY.ordinal()],
                v[ImportField.JOB_TITLE.ordinal()],
                v[ImportField.CITY.ordinal()],
                v[ImportField.COUNTRY.ordinal()],
                v[ImportField.TIMEZONE.ordinal()],
                v[ImportField.SOURCE.ordinal()] == null ? "import" : v[ImportField.SOURCE.ordinal()],
                tags,
                null);
    }

    Result check(int rowNumber, List<String> cells) {
        if (blank(cells)) {
            return new Result(Outcome.BLANK, null, null, null);
        }
        ContactBatches.Checked checked = ContactBatches.check(details(cells), region);
        if (!checked.valid()) {
            String category = switch (checked.field()) {
                case "email" -> "bad email";
                case "phone" -> "bad phone";
                case "contact" -> "no name, email or phone";
                default -> "bad " + checked.field();
            };
            return new Result(Outcome.FAILED, null, category, checked.reason());
        }
        ContactDetails d = checked.details();
        Integer earlier = d.email() == null ? null : emails.get(d.email());
        if (earlier == null && d.phone() != null) {
            earlier = phones.get(d.phone());
        }
        if (earlier != null) {
            return new Result(Outcome.SKIPPED, null, "duplicate in the file", "same email or phone as row " + earlier);
        }
        if (d.email() != null) emails.put(d.email(), rowNumber);
        if (d.phone() != null) phones.put(d.phone(), rowNumber);
        return new Result(Outcome.VALID, d, null, null);
    }
}
