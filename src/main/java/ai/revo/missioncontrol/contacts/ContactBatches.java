package ai.revo.missioncontrol.contacts;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.identity.UserManagement;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Many contacts at once (imports): each row merges into the contact with the same email or phone, or becomes a new
 * one, with set-based statements instead of one aggregate save per row. The same rules as {@link ContactManagement}
 * hold: {@link #check} cleans a row the way the aggregate would, and a row whose email and phone belong to two
 * different contacts is refused.
 */
@Service
public class ContactBatches {

    /** What became of one row. */
    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED,
        FAILED
    }

    public record RowResult(Outcome outcome, UUID contactId, String reason) {}

    /** Per row, in the order given; {@code enrolled} counts the new leads of the campaign. */
    public record BatchResult(List<RowResult> rows, int enrolled) {}

    /** A row as it would be stored, or why it cannot be. */
    public record Checked(ContactDetails details, String field, String reason) {
        public boolean valid() {
            return details != null;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final UserManagement workspaces;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ContactBatches(JdbcClient jdbc, UserManagement workspaces, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.workspaces = workspaces;
        this.events = events;
        this.clock = clock;
    }

    /** The region national phone numbers are read in (the workspace's phone region). */
    public String region(TenantId tenant) {
        return workspaces.workspace(tenant).defaultRegion();
    }

    /** Cleans a row (email lower-cased, phone in E.164 with {@code region}); never throws. */
    public static Checked check(ContactDetails details, String region) {
        try {
            Contact.Normalised keys = Contact.normalise(details, region);
            return new Checked(Contact.cleaned(details, keys), null, null);
        } catch (ApiException e) {
            String field = "contact";
            String reason = e.getMessage();
            if (e.details().get("fields") instanceof List<?> fields
                    && !fields.isEmpty()
                    && fields.get(0) instanceof Map<?, ?> f) {
                field = String.valueOf(f.get("field"));
                reason = field + " " + f.get("message");
            }
            return new Checked(null, field, reason);
        }
    }

    /**
     * Merges rows that {@link #check} accepted into the workspace's contacts and, with a campaign, enrols each of
     * them as a lead there (a contact already in it stays as it is). One transaction; publishes one
     * {@link ContactsMerged}. 404 when the campaign is not this workspace's.
     */
    @Transactional
    public BatchResult upsert(TenantId tenant, List<ContactDetails> rows, UUID campaignId, Actor actor) {
        Timestamp now = Timestamp.from(clock.instant());
        Set<String> emails = new HashSet<>();
        Set<String> phones = new HashSet<>();
        rows.forEach(r -> {
            if (r.email() != null) emails.add(r.email());
            if (r.phone() != null) phones.add(r.phone());
        });
        Map<String, UUID> byEmail = new HashMap<>();
        Map<String, UUID> byPhone = new HashMap<>();
        if (!emails.isEmpty() || !phones.isEmpty()) {
            // One index probe per email and per phone (the LIMIT keeps each probe a parameterised index scan on
            // the unique (tenant_id, email) and (tenant_id, phone) indexes). The earlier "email = any(...) or
            // phone = any(...)" let the planner scan the workspace's contacts and compare each with both arrays:
            // without fresh statistics (a table filling up during an import) it did, and every batch cost
            // O(contacts x batch), 70 % of a 100,000-row import's time.
            jdbc.sql("select x.id, x.email, x.phone from unnest(cast(:emails as text[])) e(v) cross join lateral "
                            + "(select c.id, c.email, c.phone from contacts c where c.tenant_id = :tenant and "
                            + "c.deleted_at is null and c.email = e.v limit 1) x union all "
                            + "select x.id, x.email, x.phone from unnest(cast(:phones as text[])) p(v) cross join lateral "
                            + "(select c.id, c.email, c.phone from contacts c where c.tenant_id = :tenant and "
                            + "c.deleted_at is null and c.phone = p.v limit 1) x")
                    .param("tenant", tenant.value())
                    .param("emails", emails.toArray(String[]::new))
                    .param("phones", phones.toArray(String[]::new))
                    .query((rs, n) -> {
                        UUID id = rs.getObject(1, UUID.class);
                        if (rs.getString(2) != null) byEmail.put(rs.getString(2), id);
                        if (rs.getString(3) != null) byPhone.put(rs.getString(3), id);
                        return id;
                    })
                    .list();
        }
        List<RowResult> results = new ArrayList<>(rows.size());
        Columns inserts = new Columns();
        Columns updates = new Columns();
        for (ContactDetails r : rows) {
            UUID e = r.email() == null ? null : byEmail.get(r.email());
            UUID p = r.phone() == null ? null : byPhone.get(r.phone());
            if (e != null && p != null && !e.equals(p)) {
                results.add(new RowResult(
                        Outcome.FAILED, null, "the email and the phone belong to two different contacts"));
            } else if (e != null || p != null) {
                UUID id = e != null ? e : p;
                updates.add(id, r);
                results.add(new RowResult(Outcome.UPDATED, id, null));
            } else {
                UUID id = UUID.randomUUID();
                inserts.add(id, r);
                if (r.email() != null) byEmail.put(r.email(), id);
                if (r.phone() != null) byPhone.put(r.phone(), id);
                results.add(new RowResult(Outcome.CREATED, id, null));
            }
        }
        if (!inserts.ids.isEmpty()) {
            inserts.bind(jdbc.sql("insert into contacts (id, tenant_id, first_name, last_name, email, phone, company, "
                                    + "job_title, city, country, timezone, source, tags, custom_fields, version, "
                                    + "created_at, updated_at) select v.id, :tenant, v.fn, v.ln, v.em, v.ph, v.co, v.jt, "
                                    + "v.ci, v.cn, v.tz, v.src, coalesce(cast(v.tags as jsonb), '[]'), '{}', 0, :now, :now "
                                    + "from " + Columns.UNNEST)
                            .param("tenant", tenant.value())
                            .param("now", now))
                    .update();
        }
        Set<UUID> changed = new HashSet<>();
        if (!updates.ids.isEmpty()) {
            changed.addAll(updates.bind(jdbc.sql("update contacts c set first_name = coalesce(v.fn, c.first_name), "
                                    + "last_name = coalesce(v.ln, c.last_name), email = coalesce(v.em, c.email), "
                                    + "phone = coalesce(v.ph, c.phone), company = coalesce(v.co, c.company), "
                                    + "job_title = coalesce(v.jt, c.job_title), city = coalesce(v.ci, c.city), "
                                    + "country = coalesce(v.cn, c.country), timezone = coalesce(v.tz, c.timezone), "
                                    + "source = coalesce(v.src, c.source), tags = case when v.tags is null then c.tags "
                                    + "else (select coalesce(jsonb_agg(t order by t), '[]') from (select distinct "
                                    + "jsonb_array_elements(c.tags || cast(v.tags as jsonb)) t) s) end, "
                                    + "version = c.version + 1, updated_at = :now from " + Columns.UNNEST
                                    + " where c.tenant_id = :tenant and c.id = v.id and ("
                                    + "coalesce(v.fn, c.first_name) is distinct from c.first_name or "
                                    + "coalesce(v.ln, c.last_name) is distinct from c.last_name or "
                                    + "coalesce(v.em, c.email) is distinct from c.email or "
                                    + "coalesce(v.ph, c.phone) is distinct from c.phone or "
                                    + "coalesce(v.co, c.company) is distinct from c.company or "
                                    + "coalesce(v.jt, c.job_title) is distinct from c.job_title or "
                                    + "coalesce(v.ci, c.city) is distinct from c.city or "
                                    + "coalesce(v.cn, c.country) is distinct from c.country or "
                                    + "coalesce(v.tz, c.timezone) is distinct from c.timezone or "
                                    + "coalesce(v.src, c.source) is distinct from c.source or "
                                    + "(v.tags is not null and not c.tags @> cast(v.tags as jsonb))) returning c.id")
                            .param("tenant", tenant.value())
                            .param("now", now))
                    .query(UUID.class)
                    .list());
            for (int i = 0; i < results.size(); i++) {
                RowResult r = results.get(i);
                if (r.outcome() == Outcome.UPDATED && !changed.contains(r.contactId())) {
                    results.set(i, new RowResult(Outcome.UNCHANGED, r.contactId(), null));
                }
            }
        }
        int enrolled = campaignId == null ? 0 : enrol(tenant, campaignId, results, actor, now);
        int created = (int)
                results.stream().filter(r -> r.outcome() == Outcome.CREATED).count();
        if (created + changed.size() + enrolled > 0) {
            events.publishEvent(
                    new ContactsMerged(tenant.value(), created, changed.size(), enrolled, campaignId, actor));
        }
        return new BatchResult(results, enrolled);
    }

    private int enrol(TenantId tenant, UUID campaignId, List<RowResult> results, Actor actor, Timestamp now) {
        UUID[] contacts = results.stream()
                .filter(r -> r.contactId() != null)
                .map(RowResult::contactId)
                .distinct()
                .toArray(UUID[]::new);
        if (contacts.length == 0) {
            return 0;
        }
        try {
            return jdbc.sql("with ins as (insert into leads (id, tenant_id, campaign_id, contact_id, status, version, "
                            + "created_at, updated_at) select gen_random_uuid(), :tenant, :campaign, x, 'NEW', 0, :now, "
                            + ":now from unnest(cast(:contacts as uuid[])) x on conflict (tenant_id, campaign_id, "
                            + "contact_id) do nothing returning id, contact_id) insert into lead_history (id, tenant_id, "
                            + "lead_id, contact_id, campaign_id, kind, to_value, actor_type, actor_id, actor_name, "
                            + "occurred_at) select gen_random_uuid(), :tenant, ins.id, ins.contact_id, :campaign, "
                            + "'ENROLLED', 'NEW', :actorType, :actorId, :actorName, :now from ins")
                    .param("tenant", tenant.value())
                    .param("campaign", campaignId)
                    .param("now", now)
                    .param("contacts", contacts)
                    .param("actorType", actor.type().name())
                    .param("actorId", actor.id())
                    .param("actorName", actor.name())
                    .update();
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            throw ApiException.notFound("Campaign", campaignId);
        }
    }

    /** The rows as column arrays for {@code unnest}. */
    private static final class Columns {
        static final String UNNEST = "unnest(cast(:ids as uuid[]), cast(:fn as text[]), cast(:ln as text[]), "
                + "cast(:em as text[]), cast(:ph as text[]), cast(:co as text[]), cast(:jt as text[]), "
                + "cast(:ci as text[]), cast(:cn as text[]), cast(:tz as text[]), cast(:src as text[]), "
                + "cast(:tags as text[])) as v(id, fn, ln, em, ph, co, jt, ci, cn, tz, src, tags)";

        final List<UUID> ids = new ArrayList<>();
        final List<ContactDetails> rows = new ArrayList<>();

        void add(UUID id, ContactDetails row) {
            ids.add(id);
            rows.add(row);
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            return spec.param("ids", ids.toArray(UUID[]::new))
                    .param("fn", col(ContactDetails::firstName))
                    .param("ln", col(ContactDetails::lastName))
                    .param("em", col(ContactDetails::email))
                    .param("ph", col(ContactDetails::phone))
                    .param("co", col(ContactDetails::company))
                    .param("jt", col(ContactDetails::jobTitle))
                    .param("ci", col(ContactDetails::city))
                    .param("cn", col(ContactDetails::country))
                    .param("tz", col(ContactDetails::timezone))
                    .param("src", col(ContactDetails::source))
                    .param("tags", col(r -> r.tags() == null || r.tags().isEmpty() ? null : json(r.tags())));
        }

        private String[] col(java.util.function.Function<ContactDetails, String> f) {
            return rows.stream().map(f).toArray(String[]::new);
        }

        private static String json(List<String> tags) {
            try {
                return JSON.writeValueAsString(tags);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
