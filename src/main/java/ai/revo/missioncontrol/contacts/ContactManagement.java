package ai.revo.missioncontrol.contacts;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.identity.UserManagement;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import ai.revo.missioncontrol.platform.SortOrder;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    private final org.springframework.beans.factory.ObjectProvider<CampaignDirectory> campaignDirectory;

    ContactManagement(
            ContactRepository contacts,
            UserManagement workspaces,
            JdbcClient jdbc,
            Clock clock,
            org.springframework.beans.factory.ObjectProvider<CampaignDirectory> campaignDirectory) {
        this.campaignDirectory = campaignDirectory;
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

    /**
     * The active contacts {@link #upsert} would match for this email or phone (normalised the same way): none, one,
     * or two when the email and the phone belong to different people. 400 naming the field for an invalid one.
     */
    @Transactional(readOnly = true)
    public List<ContactView> matching(TenantId tenant, String email, String phone) {
        Contact.Normalised keys = Contact.normalise(
                new ContactDetails(null, null, email, phone, null, null, null, null, null, null, null, null),
                workspaces.workspace(tenant).defaultRegion());
        if (!keys.identifiesSomeone()) {
            return List.of();
        }
        return contacts.findByKeys(tenant, keys.email(), keys.phone()).stream()
                .map(Contact::view)
                .toList();
    }

    /**
     * As {@link #matching}, but an email or phone that is not a valid one matches nobody instead of being a 400:
     * for callers inside a transaction of their own (listeners), where an exception crossing this method would mark
     * their transaction rollback-only even if they caught it.
     */
    @Transactional(readOnly = true)
    public List<ContactView> matchingAddress(TenantId tenant, String email, String phone) {
        Contact.Normalised keys;
        try {
            keys = Contact.normalise(
                    new ContactDetails(null, null, email, phone, null, null, null, null, null, null, null, null),
                    workspaces.workspace(tenant).defaultRegion());
        } catch (ApiException e) {
            return List.of();
        }
        if (!keys.identifiesSomeone()) {
            return List.of();
        }
        return contacts.findByKeys(tenant, keys.email(), keys.phone()).stream()
                .map(Contact::view)
                .toList();
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

    /** The contact with every campaign it is a lead in (name, lead status and score); 404 when absent. */
    @Transactional(readOnly = true)
    public ContactView get(TenantId tenant, UUID id) {
        ContactView view = load(tenant, id).view();
        record Row(UUID campaignId, UUID leadId, LeadStatus status, Score score) {}
        List<Row> rows = jdbc.sql("select campaign_id, id, status, coalesce(score_override, score) from leads "
                        + "where tenant_id = ? and contact_id = ? order by created_at")
                .params(tenant.value(), id)
                .query((rs, n) -> new Row(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        LeadStatus.valueOf(rs.getString(3)),
                        rs.getString(4) == null ? null : Score.valueOf(rs.getString(4))))
                .list();
        Map<UUID, String> names = rows.isEmpty()
                ? Map.of()
                : campaignNames(tenant, rows.stream().map(Row::campaignId).toList());
        return view.withCampaigns(rows.stream()
                .map(r -> new ContactView.Enrolment(
                        r.campaignId(), names.get(r.campaignId()), r.leadId(), r.status(), r.score()))
                .toList());
    }

    /** The campaigns a contact can be enrolled in, by name (empty when no campaign module answers). */
    @Transactional(readOnly = true)
    public List<CampaignDirectory.Option> enrollableCampaigns(TenantId tenant) {
        CampaignDirectory directory = campaignDirectory.getIfAvailable();
        return directory == null ? List.of() : directory.enrollable(tenant);
    }

    private Map<UUID, String> campaignNames(TenantId tenant, List<UUID> ids) {
        Map<UUID, String> names = new java.util.HashMap<>();
        campaignDirectory.ifAvailable(d -> names.putAll(d.names(tenant, ids)));
        return names;
    }

    public static final Set<String> SORTABLE = Set.of("name", "email", "company", "createdAt", "updatedAt");
    private static final Map<String, String> SORT_COLUMNS = Map.of(
            "name",
            "lower(coalesce(c.last_name, '')) %1$s, lower(coalesce(c.first_name, '')) %1$s",
            "email",
            "c.email %1$s nulls last",
            "company",
            "lower(coalesce(c.company, '')) %1$s",
            "createdAt",
            "c.created_at %1$s",
            "updatedAt",
            "c.updated_at %1$s");

    /** The workspace's contacts matching {@code query}, in the given order (default newest first), paged. */
    @Transactional(readOnly = true)
    public PageResult<ContactView> list(TenantId tenant, ContactQuery query, PageQuery page, SortOrder sort) {
        Map<String, Object> params = new java.util.LinkedHashMap<>();
        String where = where(tenant, query == null ? ContactQuery.none() : query, params);
        long total = jdbc.sql("select count(*) from contacts c" + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", page.limit());
        params.put("offset", page.offset());
        List<UUID> ids = jdbc.sql("select c.id from contacts c" + where + " order by "
                        + String.format(SORT_COLUMNS.get(sort.field()), sort.direction())
                        + ", c.id limit :limit offset :offset")
                .params(params)
                .query(UUID.class)
                .list();
        return PageResult.of(byIds(tenant, ids), page, total);
    }

    /** Every contact matching {@code query}, newest first, handed to {@code each} (for exports). */
    @Transactional(readOnly = true)
    public void forEach(TenantId tenant, ContactQuery query, java.util.function.Consumer<ContactView> each) {
        Map<String, Object> params = new java.util.LinkedHashMap<>();
        String where = where(tenant, query == null ? ContactQuery.none() : query, params);
        List<UUID> ids = jdbc.sql("select c.id from contacts c" + where + " order by c.created_at desc, c.id")
                .params(params)
                .query(UUID.class)
                .list();
        for (int i = 0; i < ids.size(); i += 1000) {
            byIds(tenant, ids.subList(i, Math.min(ids.size(), i + 1000))).forEach(each);
        }
    }

    /** Kept for callers that only search. */
    @Transactional(readOnly = true)
    public PageResult<ContactView> list(TenantId tenant, String q, PageQuery page) {
        return list(
                tenant,
                new ContactQuery(q, null, null, null, null),
                page,
                SortOrder.of(null, null, SORTABLE, "createdAt", false));
    }

    /**
     * The active contacts with these ids, in the order given, in one query (without their campaigns, which
     * {@link #get} adds); ids of deleted or unknown contacts are left out.
     */
    @Transactional(readOnly = true)
    public List<ContactView> getAll(TenantId tenant, List<UUID> ids) {
        return byIds(tenant, ids);
    }

    private List<ContactView> byIds(TenantId tenant, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, ContactView> found = new java.util.HashMap<>();
        contacts.findActiveByIds(tenant, ids).forEach(c -> found.put(c.id(), c.view()));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    static String like(String q) {
        return "%"
                + q.trim()
                        .toLowerCase(java.util.Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_")
                + "%";
    }

    private static String where(TenantId tenant, ContactQuery q, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder(" where c.tenant_id = :tenant and c.deleted_at is null");
        params.put("tenant", tenant.value());
        if (q.q() != null && !q.q().isBlank()) {
            sql.append(" and (lower(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')) like :q "
                    + "or c.email like :q or lower(coalesce(c.company, '')) like :q or c.phone like :q)");
            params.put("q", like(q.q()));
        }
        if (q.campaignId() != null || q.leadStatus() != null) {
            sql.append(" and exists (select 1 from leads l where l.tenant_id = c.tenant_id and l.contact_id = c.id");
            if (q.campaignId() != null) {
                sql.append(" and l.campaign_id = :campaign");
                params.put("campaign", q.campaignId());
            }
            if (q.leadStatus() != null) {
                sql.append(" and l.status = :status");
                params.put("status", q.leadStatus().name());
            }
            sql.append(")");
        }
        if (q.tag() != null && !q.tag().isBlank()) {
            sql.append(" and c.tags @> cast(:tag as jsonb)");
            params.put(
                    "tag",
                    "["
                            + com.fasterxml.jackson.databind.node.TextNode.valueOf(
                                    q.tag().trim()) + "]");
        }
        if (q.source() != null && !q.source().isBlank()) {
            sql.append(" and c.source = :source");
            params.put("source", q.source().trim());
        }
        return sql.toString();
    }

    /**
     * Up to {@code limit} contacts of the workspace that are not yet a lead of the campaign, oldest first. A person
     * who is DND or LOST in any campaign is never among them: do-not-contact belongs to the person.
     */
    @Transactional(readOnly = true)
    public List<ContactView> notEnrolledIn(TenantId tenant, UUID campaignId, int limit) {
        List<UUID> ids = jdbc.sql("select c.id from contacts c where c.tenant_id = :tenant and c.deleted_at is null "
                        + "and not exists (select 1 from leads l where l.tenant_id = c.tenant_id and l.contact_id = c.id "
                        + "and l.campaign_id = :campaign) and not exists (select 1 from leads d where d.tenant_id = "
                        + "c.tenant_id and d.contact_id = c.id and d.status in ('DND', 'LOST')) "
                        + "order by c.created_at, c.id limit :limit")
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
