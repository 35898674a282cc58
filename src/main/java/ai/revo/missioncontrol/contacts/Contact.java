package ai.revo.missioncontrol.contacts;

import ai.revo.missioncontrol.identity.EmailAddress;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The golden record of one person in a workspace. New information merges in: a field given replaces the old value,
 * a field left out keeps it, so the same person arriving again from another source is updated, never duplicated.
 */
@Table("contacts")
class Contact extends AbstractAggregateRoot<Contact> {

    @Id
    private final UUID id;

    private final TenantId tenantId;
    private String firstName;
    private String lastName;
    private String email;
    private String phone;
    private String company;
    private String jobTitle;
    private String city;
    private String country;
    private String timezone;
    private String source;
    private ContactsJsonColumns.Tags tags;
    private ContactsJsonColumns.CustomFields customFields;

    @Version
    private Long version;

    private final Instant createdAt;
    private Instant updatedAt;
    private Instant deletedAt;

    @PersistenceCreator
    Contact(
            UUID id,
            TenantId tenantId,
            String firstName,
            String lastName,
            String email,
            String phone,
            String company,
            String jobTitle,
            String city,
            String country,
            String timezone,
            String source,
            ContactsJsonColumns.Tags tags,
            ContactsJsonColumns.CustomFields customFields,
            Long version,
            Instant createdAt,
            Instant updatedAt,
            Instant deletedAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.firstName = firstName;
        this.lastName = lastName;
        this.email = email;
        this.phone = phone;
        this.company = company;
        this.jobTitle = jobTitle;
        this.city = city;
        this.country = country;
        this.timezone = timezone;
        this.source = source;
        this.tags = tags;
        this.customFields = customFields;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.deletedAt = deletedAt;
    }

    /** Normalises the email and phone of {@code details}; 400 naming the field when one is invalid. */
    static Normalised normalise(ContactDetails details, String region) {
        String email = null;
        String phone = null;
        if (details.email() != null && !details.email().isBlank()) {
            try {
                email = new EmailAddress(details.email()).value();
            } catch (IllegalArgumentException e) {
                throw ApiException.invalidField("email", "must be a valid e-mail address");
            }
        }
        if (details.phone() != null && !details.phone().isBlank()) {
            try {
                phone = PhoneNumber.parse(details.phone(), region).value();
            } catch (IllegalArgumentException e) {
                throw ApiException.invalidField("phone", e.getMessage().replaceFirst("^phone ", ""));
            }
        }
        return new Normalised(email, phone);
    }

    record Normalised(String email, String phone) {
        boolean identifiesSomeone() {
            return email != null || phone != null;
        }
    }

    /**
     * The details as they would be stored: trimmed, checked (lengths, control characters, time zone) and with the
     * normalised email and phone; 400 naming the field otherwise. For bulk writes that bypass the aggregate.
     */
    static ContactDetails cleaned(ContactDetails d, Normalised keys) {
        String timezone = null;
        if (d.timezone() != null && !d.timezone().isBlank()) {
            try {
                timezone = ZoneId.of(d.timezone().trim()).getId();
            } catch (DateTimeException e) {
                throw ApiException.invalidField("timezone", "is not a known time zone");
            }
        }
        List<String> tags = null;
        if (d.tags() != null) {
            tags = new ArrayList<>();
            for (String tag : d.tags()) {
                String t = text("tags", tag, null, 50);
                if (t != null && !tags.contains(t)) {
                    tags.add(t);
                }
            }
        }
        ContactDetails c = new ContactDetails(
                text("firstName", d.firstName(), null, 100),
                text("lastName", d.lastName(), null, 100),
                keys.email(),
                keys.phone(),
                text("company", d.company(), null, 200),
                text("jobTitle", d.jobTitle(), null, 200),
                text("city", d.city(), null, 100),
                text("country", d.country(), null, 100),
                timezone,
                text("source", d.source(), null, 100),
                tags,
                null);
        if (c.firstName() == null && c.lastName() == null && c.email() == null && c.phone() == null) {
            throw ApiException.invalidField("contact", "needs at least a name, an email or a phone");
        }
        return c;
    }

    static Contact create(TenantId tenant, ContactDetails details, Normalised keys, Actor actor, Instant now) {
        Contact c = new Contact(
                UUID.randomUUID(),
                tenant,
                null,
                null,
                keys.email(),
                keys.phone(),
                null,
                null,
                null,
                null,
                null,
                null,
                new ContactsJsonColumns.Tags(null),
                new ContactsJsonColumns.CustomFields(null),
                null,
                now,
                now,
                null);
        c.merge(details, keys);
        if (c.firstName == null && c.lastName == null && c.email == null && c.phone == null) {
            throw ApiException.invalidField("contact", "needs at least a name, an email or a phone");
        }
        c.registerEvent(ContactChanged.of(tenant, "contact.created", null, c.view(), actor));
        return c;
    }

    void update(ContactDetails details, Normalised keys, Actor actor, Instant now) {
        ContactView before = view();
        merge(details, keys);
        updatedAt = now;
        ContactView after = view();
        if (!sameContent(before, after)) {
            registerEvent(ContactChanged.of(tenantId, "contact.updated", before, after, actor));
        }
    }

    private void merge(ContactDetails d, Normalised keys) {
        if (keys.email() != null) {
            email = keys.email();
        }
        if (keys.phone() != null) {
            phone = keys.phone();
        }
        firstName = text("firstName", d.firstName(), firstName, 100);
        lastName = text("lastName", d.lastName(), lastName, 100);
        company = text("company", d.company(), company, 200);
        jobTitle = text("jobTitle", d.jobTitle(), jobTitle, 200);
        city = text("city", d.city(), city, 100);
        country = text("country", d.country(), country, 100);
        source = text("source", d.source(), source, 100);
        if (d.timezone() != null && !d.timezone().isBlank()) {
            try {
                timezone = ZoneId.of(d.timezone().trim()).getId();
            } catch (DateTimeException e) {
                throw ApiException.invalidField("timezone", "is not a known time zone");
            }
        }
        if (d.tags() != null) {
            List<String> merged = new ArrayList<>(tags.values());
            for (String tag : d.tags()) {
                String t = text("tags", tag, null, 50);
                if (t != null && !merged.contains(t)) {
                    merged.add(t);
                }
            }
            tags = new ContactsJsonColumns.Tags(merged);
        }
        if (d.customFields() != null) {
            var fields = new java.util.LinkedHashMap<>(customFields.values());
            fields.putAll(d.customFields());
            fields.values().removeIf(java.util.Objects::isNull);
            customFields = new ContactsJsonColumns.CustomFields(fields);
        }
    }

    private static String text(String field, String value, String current, int max) {
        if (value == null || value.isBlank()) {
            return current;
        }
        String v = value.trim();
        if (v.length() > max) {
            throw ApiException.invalidField(field, "must be at most " + max + " characters");
        }
        if (v.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.invalidField(field, "must not contain control characters");
        }
        return v;
    }

    private static boolean sameContent(ContactView a, ContactView b) {
        return java.util.Objects.equals(
                List.of(
                        String.valueOf(a.firstName()),
                        String.valueOf(a.lastName()),
                        String.valueOf(a.email()),
                        String.valueOf(a.phone()),
                        String.valueOf(a.company()),
                        String.valueOf(a.jobTitle()),
                        String.valueOf(a.city()),
                        String.valueOf(a.country()),
                        String.valueOf(a.timezone()),
                        String.valueOf(a.source()),
                        a.tags().toString(),
                        a.customFields().toString()),
                List.of(
                        String.valueOf(b.firstName()),
                        String.valueOf(b.lastName()),
                        String.valueOf(b.email()),
                        String.valueOf(b.phone()),
                        String.valueOf(b.company()),
                        String.valueOf(b.jobTitle()),
                        String.valueOf(b.city()),
                        String.valueOf(b.country()),
                        String.valueOf(b.timezone()),
                        String.valueOf(b.source()),
                        b.tags().toString(),
                        b.customFields().toString()));
    }

    UUID id() {
        return id;
    }

    ContactView view() {
        return new ContactView(
                id,
                firstName,
                lastName,
                email,
                phone,
                company,
                jobTitle,
                city,
                country,
                timezone,
                source,
                tags.values(),
                customFields.values(),
                createdAt,
                updatedAt,
                null);
    }
}
