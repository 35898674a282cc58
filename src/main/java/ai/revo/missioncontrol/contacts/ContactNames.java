package ai.revo.missioncontrol.contacts;

/** How a contact's name reads: first and last name, whichever are known; null when neither is. */
final class ContactNames {

    private ContactNames() {}

    static String fullName(String first, String last) {
        String name = ((first == null ? "" : first.strip()) + " " + (last == null ? "" : last.strip())).strip();
        return name.isEmpty() ? null : name;
    }
}
