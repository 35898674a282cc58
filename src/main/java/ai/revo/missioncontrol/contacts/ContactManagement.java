package ai.revo.missioncontrol.contacts;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.identity.UserManagement;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The golden contact records of a workspace. {@link #upsert} is how every source (API, import, webhook, call)
 * hands in a person: the same email or phone updates the existing contact instead of creating a second one.
 */
@Service
public class ContactManagement {

    private final ContactRepository contacts;
    private final UserManagement workspaces;
    private final JdbcClient jdbc;
    private final Clock clock;

    ContactManagement(ContactRepository contacts, UserManagement workspaces, JdbcClient jdbc, Clock clock) {
        this.contacts = contacts;
        this.workspaces = workspaces;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Creates the contact, or updates the one with the same email or phone. 400 naming the field for an invalid
     * email or phone; 409 when the email and the phone belong to two different contacts.
     */
    @Transactional
    public ContactView upsert(TenantId tenant, ContactDetails details, Actor actor) {
        return upsertContact(tenant, details, actor).view();
    }

    Contact upsertContact(TenantId tenant, ContactDetails details, Actor actor) {
        if (details == null) {
            throw ApiException.invalidField("contact", "is required");
        }
        Contact.Normalised keys =
                Contact.normalise(details, workspaces.workspace(tenant).defaultRegion());
        List<Contact> matches =
                keys.identifiesSomeone() ? contacts.findByKeys(tenant, keys.email(), keys.phone()) : List.of();
        if (matches.size() > 1) {
            throw ApiException.conflict("The email and the phone belong to two different contacts");
        }
        try {
            if (matches.isEmpty()) {
                return contacts.save(Contact.create(tenant, details, keys, actor, clock.instant()));
            }
            Contact existing = matches.get(0);
            existing.update(details, keys, actor, clock.instant());
            return contacts.save(existing);
        } catch (DbActionExecutionException e) {
            if (e.getCause() instanceof DuplicateKeyException) {
                throw ApiException.conflict("Another contact already has this email or phone");
            }
            throw e;
        }
    }

    /** Changes a contact; 404 when there is no such contact in this workspace. */
    @Transactional
    public ContactView change(TenantId tenant, UUID id, ContactDetails details, Actor actor) {
        Contact contact = load(tenant, id);
        Contact.Normalised keys =
                Contact.normalise(details, workspaces.workspace(tenant).defaultRegion());
        for (Contact other : contacts.findByKeys(tenant, keys.email(), keys.phone())) {
            if (!other.id().equals(id)) {
                throw ApiException.conflict("Another contact already has this email or phone");
            }
        }
        contact.update(details, keys, actor, clock.instant());
        return contacts.save(contact).view();
    }

    /** The contact with every campaign it is a lead in; 404 when absent. */
    @Transactional(readOnly = true)
    public ContactView get(TenantId tenant, UUID id) {
        ContactView view = load(tenant, id).view();
        List<ContactView.Enrolment> enrolments = jdbc.sql(
                        "select campaign_id, id, status from leads where tenant_id = ? and contact_id = ? order by created_at")
                .params(tenant.value(), id)
                .query((rs, n) -> new ContactView.Enrolment(
                        rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), LeadStatus.valueOf(rs.getString(3))))
                .list();
        return view.withCampaigns(enrolments);
    }

    @Transactional(readOnly = true)
    public PageResult<ContactView> list(TenantId tenant, String q, PageQuery page) {
        String like = q == null || q.isBlank()
                ? null
                : "%"
                        + q.trim()
                                .toLowerCase(java.util.Locale.ROOT)
                                .replace("\\", "\\\\")
                                .replace("%", "\\%")
                                .replace("_", "\\_")
                        + "%";
        String where = " where tenant_id = :tenant and deleted_at is null and (cast(:q as text) is null or "
                + "lower(coalesce(first_name, '') || ' ' || coalesce(last_name, '')) like :q or email like :q "
                + "or lower(coalesce(company, '')) like :q or phone like :q)";
        long total = jdbc.sql("select count(*) from contacts" + where)
                .param("tenant", tenant.value())
                .param("q", like)
                .query(Long.class)
                .single();
        List<UUID> ids = jdbc.sql(
                        "select id from contacts" + where + " order by created_at desc, id limit :limit offset :offset")
                .param("tenant", tenant.value())
                .param("q", like)
                .param("limit", page.limit())
                .param("offset", page.offset())
                .query(UUID.class)
                .list();
        return PageResult.of(ids.stream().map(id -> load(tenant, id).view()).toList(), page, total);
    }

    /**
     * Up to {@code limit} contacts of the workspace that are not yet a lead of the campaign, oldest first.
     */
    @Transactional(readOnly = true)
    public List<ContactView> notEnrolledIn(TenantId tenant, UUID campaignId, int limit) {
        List<UUID> ids = jdbc.sql("select c.id from contacts c where c.tenant_id = :tenant and c.deleted_at is null "
                        + "and not exists (select 1 from leads l where l.tenant_id = c.tenant_id and l.contact_id = c.id "
                        + "and l.campaign_id = :campaign) order by c.created_at, c.id limit :limit")
                .param("tenant", tenant.value())
                .param("campaign", campaignId)
                .param("limit", limit)
                .query(UUID.class)
                .list();
        if (ids.isEmpty()) {
            return List.of();
        }
        return contacts.findActiveByIds(tenant, ids).stream()
                .sorted(java.util.Comparator.comparing((Contact c) -> ids.indexOf(c.id())))
                .map(Contact::view)
                .toList();
    }

    Contact load(TenantId tenant, UUID id) {
        return contacts.findActive(tenant, id).orElseThrow(() -> ApiException.notFound("Contact", id));
    }
}
