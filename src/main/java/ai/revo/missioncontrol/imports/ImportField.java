package ai.revo.missioncontrol.imports;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a column of an import file can become. {@code NAME} is a full name, split at its last space. */
public enum ImportField {
    FIRST_NAME("firstName", "firstname", "first", "givenname", "forename", "prenom"),
    LAST_NAME("lastName", "lastname", "last", "surname", "familyname", "nom"),
    NAME("name", "name", "fullname", "contactname", "contact", "person"),
    EMAIL("email", "email", "emailaddress", "mail", "email1", "workemail"),
    PHONE("phone", "phone", "phonenumber", "mobile", "mobilephone", "cell", "tel", "telephone", "whatsapp"),
    COMPANY("company", "company", "companyname", "organization", "organisation", "account", "business"),
    JOB_TITLE("jobTitle", "jobtitle", "title", "position", "role"),
    CITY("city", "city", "town"),
    COUNTRY("country", "country", "countrycode"),
    TIMEZONE("timezone", "timezone", "tz"),
    SOURCE("source", "source", "leadsource"),
    TAGS("tags", "tags", "tag", "labels", "label");

    private final String key;
    private final List<String> headers;

    ImportField(String key, String... headers) {
        this.key = key;
        this.headers = List.of(headers);
    }

    /** The name clients use in a mapping, e.g. {@code firstName}. */
    public String key() {
        return key;
    }

    static Optional<ImportField> ofKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }

    /** The field a header most likely means, by its letters alone ("E-mail Address" is an email). */
    static Optional<ImportField> guess(String header) {
        String h = header == null ? "" : header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return Arrays.stream(values()).filter(f -> f.headers.contains(h)).findFirst();
    }
}
