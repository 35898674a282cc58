package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.campaigns.CampaignView;
import ai.revo.missioncontrol.contacts.ContactManagement;
import ai.revo.missioncontrol.contacts.ContactView;
import ai.revo.missioncontrol.contacts.LeadManagement;
import ai.revo.missioncontrol.contacts.LeadView;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.identity.UserId;
import ai.revo.missioncontrol.identity.UserManagement;
import ai.revo.missioncontrol.identity.UserView;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's email templates: a subject and an HTML body with merge fields (see {@link MergeFields}), a
 * category, a tone and a favourite flag. A template naming an unknown merge field is refused. Usage and rates are
 * counted from the {@code emails} sent with the template. Rendering fills the fields from a lead (its contact and
 * campaign) or from prospect fields given directly, and from the sender.
 */
@Service
public class EmailTemplates {

    static final int MAX_TITLE = 200;
    static final int MAX_SUBJECT = 998;
    static final int MAX_BODY = 200_000;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final LeadManagement leads;
    private final ContactManagement contacts;
    private final CampaignManagement campaigns;
    private final UserManagement users;

    EmailTemplates(
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            Clock clock,
            LeadManagement leads,
            ContactManagement contacts,
            CampaignManagement campaigns,
            UserManagement users) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.leads = leads;
        this.contacts = contacts;
        this.campaigns = campaigns;
        this.users = users;
    }

    /** What a client sets on a template; on a change, null leaves the value as it is. */
    public record TemplateFields(
            String title,
            String description,
            String subject,
            String body,
            String category,
            String tone,
            Boolean favourite) {}

    /** What a template is rendered for: a lead of the workspace, or prospect fields given directly. */
    public record RenderInput(UUID leadId, UUID campaignId, MergeFields.Prospect prospect) {}

    /** A rendered template: plain-text subject, sanitised HTML body and its text part. */
    public record Rendered(UUID templateId, String subject, String bodyHtml, String bodyText) {}

    /** Favourites first, then the most recently changed. */
    @Transactional(readOnly = true)
    public PageResult<TemplateView> list(TenantId tenant, String q, String category, PageQuery page) {
        String where =
                " where tenant_id = :tenant and (cast(:q as text) is null or title ilike :q or description ilike :q)"
                        + " and (cast(:category as text) is null or category = :category)";
        String like = q == null || q.isBlank()
                ? null
                : "%" + q.strip().replace("%", "\\%").replace("_", "\\_") + "%";
        String cat = category == null || category.isBlank() ? null : category.strip();
        long total = jdbc.sql("select count(*) from email_templates" + where)
                .param("tenant", tenant.value())
                .param("q", like)
                .param("category", cat)
                .query(Long.class)
                .single();
        List<Row> rows = jdbc.sql("select * from email_templates" + where
                        + " order by favourite desc, updated_at desc, id limit :limit offset :offset")
                .param("tenant", tenant.value())
                .param("q", like)
                .param("category", cat)
                .param("limit", page.limit())
                .param("offset", page.offset())
                .query(EmailTemplates::row)
                .list();
        Map<UUID, Stats> stats = stats(tenant, rows.stream().map(Row::id).toList());
        return PageResult.of(rows.stream().map(r -> r.view(stats.get(r.id()))).toList(), page, total);
    }

    @Transactional(readOnly = true)
    public TemplateView get(TenantId tenant, UUID id) {
        Row row = load(tenant, id);
        return row.view(stats(tenant, List.of(id)).get(id));
    }

    /** The categories in use, for the pages' filters. */
    @Transactional(readOnly = true)
    public List<String> categories(TenantId tenant) {
        return jdbc.sql("select distinct category from email_templates where tenant_id = ? order by category")
                .param(tenant.value())
                .query(String.class)
                .list();
    }

    @Transactional
    public TemplateView create(TenantId tenant, TemplateFields f, Actor actor) {
        if (f == null) {
            throw ApiException.invalidField("title", "is required");
        }
        String title = title(f.title());
        String subject = subject(f.subject());
        String body = body(f.body());
        checkFields(subject, body);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into email_templates (id, tenant_id, title, description, subject, body, category, tone,
                    favourite, created_by, created_at, updated_at)
                values (:id, :tenant, :title, :description, :subject, :body, :category, :tone, :favourite, :by, :now, :now)
                """)
                .param("id", id)
                .param("tenant", tenant.value())
                .param("title", title)
                .param("description", description(f.description()))
                .param("subject", subject)
                .param("body", body)
                .param("category", category(f.category()))
                .param("tone", tone(f.tone()))
                .param("favourite", Boolean.TRUE.equals(f.favourite()))
                .param("by", actor == null ? null : actor.name())
                .param("now", Timestamp.from(now))
                .update();
        Row created = load(tenant, id);
        events.publishEvent(
                new TemplateChanged(tenant.value(), TemplateChanged.CREATED, id, title, null, created.audit(), actor));
        return created.view(null);
    }

    @Transactional
    public TemplateView change(TenantId tenant, UUID id, TemplateFields f, Actor actor) {
        Row before = load(tenant, id);
        String title = f.title() == null ? before.title() : title(f.title());
        String subject = f.subject() == null ? before.subject() : subject(f.subject());
        String body = f.body() == null ? before.body() : body(f.body());
        checkFields(subject, body);
        String description = f.description() == null ? before.description() : description(f.description());
        String category = f.category() == null ? before.category() : category(f.category());
        String tone = f.tone() == null ? before.tone() : tone(f.tone());
        boolean favourite = f.favourite() == null ? before.favourite() : f.favourite();
        jdbc.sql("""
                update email_templates set title = :title, description = :description, subject = :subject, body = :body,
                    category = :category, tone = :tone, favourite = :favourite, version = version + 1, updated_at = :now
                where tenant_id = :tenant and id = :id
                """)
                .param("title", title)
                .param("description", description)
                .param("subject", subject)
                .param("body", body)
                .param("category", category)
                .param("tone", tone)
                .param("favourite", favourite)
                .param("now", Timestamp.from(clock.instant()))
                .param("tenant", tenant.value())
                .param("id", id)
                .update();
        Row after = load(tenant, id);
        events.publishEvent(new TemplateChanged(
                tenant.value(), TemplateChanged.UPDATED, id, title, before.audit(), after.audit(), actor));
        return after.view(stats(tenant, List.of(id)).get(id));
    }

    @Transactional
    public void delete(TenantId tenant, UUID id, Actor actor) {
        Row before = load(tenant, id);
        jdbc.sql("delete from email_templates where tenant_id = ? and id = ?")
                .params(tenant.value(), id)
                .update();
        events.publishEvent(new TemplateChanged(
                tenant.value(), TemplateChanged.DELETED, id, before.title(), before.audit(), null, actor));
    }

    /** The merge fields of a subject and body that are not allowed (empty when the template can be saved). */
    public List<String> unknownFields(String subject, String body) {
        return MergeFields.unknown(subject, body);
    }

    /**
     * Renders a template for a lead ({@code leadId}: its contact, its campaign unless {@code campaignId} is given)
     * or for prospect fields, signed by {@code sender}. 404 for an unknown template, lead or campaign.
     */
    @Transactional(readOnly = true)
    public Rendered render(TenantId tenant, UUID id, RenderInput input, UserId sender) {
        Row row = load(tenant, id);
        MergeFields.Values values = values(tenant, input, sender);
        String subject = MergeFields.renderText(row.subject(), values)
                .replaceAll("[\\r\\n]+", " ")
                .strip();
        String html = HtmlContent.sanitize(MergeFields.renderHtml(row.body(), values));
        return new Rendered(id, subject, html, HtmlContent.toText(html));
    }

    /**
     * Renders a subject and an HTML body given inline (not a stored template) for a lead, as {@link #render} does:
     * the merge fields filled, values HTML-escaped in the body, the body sanitised. 404 for an unknown lead or
     * campaign.
     */
    @Transactional(readOnly = true)
    public Rendered renderContent(TenantId tenant, String subjectTemplate, String bodyTemplate, RenderInput input) {
        MergeFields.Values values = values(tenant, input, null);
        String subject = MergeFields.renderText(subjectTemplate == null ? "" : subjectTemplate, values)
                .replaceAll("[\\r\\n]+", " ")
                .strip();
        String html = HtmlContent.sanitize(MergeFields.renderHtml(bodyTemplate == null ? "" : bodyTemplate, values));
        return new Rendered(null, subject, html, HtmlContent.toText(html));
    }

    /** Renders plain text (a task's title) for a lead: the merge fields filled, nothing escaped. */
    @Transactional(readOnly = true)
    public String renderText(TenantId tenant, String textTemplate, RenderInput input) {
        return MergeFields.renderText(textTemplate == null ? "" : textTemplate, values(tenant, input, null));
    }

    private MergeFields.Values values(TenantId tenant, RenderInput input, UserId senderId) {
        MergeFields.Prospect prospect = input == null ? null : input.prospect();
        MergeFields.Lead lead = null;
        UUID campaignId = input == null ? null : input.campaignId();
        if (input != null && input.leadId() != null) {
            LeadView l = leads.get(tenant, input.leadId());
            ContactView c = contacts.get(tenant, l.contactId());
            prospect = new MergeFields.Prospect(
                    c.firstName(),
                    c.lastName(),
                    c.email(),
                    c.phone(),
                    c.company(),
                    c.jobTitle(),
                    c.city(),
                    c.country());
            lead = new MergeFields.Lead(
                    l.status() == null ? null : l.status().name(),
                    l.effectiveScore() == null ? null : l.effectiveScore().name());
            if (campaignId == null) {
                campaignId = l.campaignId();
            }
        }
        MergeFields.Campaign campaign = null;
        if (campaignId != null) {
            CampaignView c = campaigns.get(tenant, campaignId);
            campaign = new MergeFields.Campaign(
                    c.name(),
                    c.objective(),
                    c.persona() == null ? null : c.persona().agentName());
        }
        MergeFields.Sender sender = null;
        if (senderId != null) {
            UserView u = users.get(tenant, senderId);
            sender = new MergeFields.Sender(u.displayName(), u.email());
        }
        return new MergeFields.Values(prospect, lead, campaign, sender);
    }

    // ---- validation

    private static void checkFields(String subject, String body) {
        List<String> unknown = MergeFields.unknown(subject, body);
        if (!unknown.isEmpty()) {
            String names =
                    String.join(", ", unknown.stream().map(n -> "{{" + n + "}}").toList());
            String field = !MergeFields.unknown(subject).isEmpty() ? "content.subject" : "content.body";
            throw new ApiException(
                    ErrorCode.VALIDATION_ERROR,
                    "Validation failed: " + field + " uses unknown merge field " + names,
                    Map.of(
                            "fields",
                            List.of(Map.of("field", field, "message", "unknown merge field " + names)),
                            "unknownFields",
                            unknown,
                            "allowedFields",
                            List.copyOf(MergeFields.FIELDS.keySet())));
        }
    }

    private static String title(String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalidField("title", "is required");
        }
        if (value.strip().length() > MAX_TITLE) {
            throw ApiException.invalidField("title", "must be at most " + MAX_TITLE + " characters");
        }
        return value.strip();
    }

    private static String subject(String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalidField("content.subject", "is required");
        }
        if (value.contains("\n") || value.contains("\r")) {
            throw ApiException.invalidField("content.subject", "must be one line");
        }
        if (value.strip().length() > MAX_SUBJECT) {
            throw ApiException.invalidField("content.subject", "must be at most " + MAX_SUBJECT + " characters");
        }
        return value.strip();
    }

    private static String body(String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalidField("content.body", "is required");
        }
        if (value.length() > MAX_BODY) {
            throw ApiException.invalidField("content.body", "must be at most " + MAX_BODY + " characters");
        }
        return value;
    }

    private static String description(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > 2000) {
            throw ApiException.invalidField("description", "must be at most 2000 characters");
        }
        return value.strip();
    }

    private static String category(String value) {
        if (value == null || value.isBlank()) {
            return "General";
        }
        if (value.strip().length() > 60) {
            throw ApiException.invalidField("category", "must be at most 60 characters");
        }
        return value.strip();
    }

    private static String tone(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > 60) {
            throw ApiException.invalidField("tone", "must be at most 60 characters");
        }
        return value.strip();
    }

    // ---- reading

    private Row load(TenantId tenant, UUID id) {
        return jdbc.sql("select * from email_templates where tenant_id = ? and id = ?")
                .params(tenant.value(), id)
                .query(EmailTemplates::row)
                .optional()
                .orElseThrow(() -> ApiException.notFound("Template", id));
    }

    private record Stats(long usage, long sent, long opened, long replied) {}

    /** Usage (SENT or SIMULATED) and, over SENT emails, first opens and replies, per template: one query. */
    private Map<UUID, Stats> stats(TenantId tenant, List<UUID> ids) {
        Map<UUID, Stats> stats = new HashMap<>();
        if (ids.isEmpty()) {
            return stats;
        }
        jdbc.sql("""
                select template_id,
                       count(*) filter (where status in ('SENT', 'SIMULATED')) as usage,
                       count(*) filter (where status = 'SENT') as sent,
                       count(*) filter (where status = 'SENT' and first_opened_at is not null) as opened,
                       count(*) filter (where status = 'SENT' and first_replied_at is not null) as replied
                from emails where tenant_id = :tenant and template_id = any(:ids)
                group by template_id
                """)
                .param("tenant", tenant.value())
                .param("ids", ids.toArray(UUID[]::new))
                .query((rs, n) -> stats.put(
                        rs.getObject("template_id", UUID.class),
                        new Stats(
                                rs.getLong("usage"), rs.getLong("sent"), rs.getLong("opened"), rs.getLong("replied"))))
                .list();
        return stats;
    }

    private record Row(
            UUID id,
            String title,
            String description,
            String subject,
            String body,
            String category,
            String tone,
            boolean favourite,
            String createdBy,
            Instant createdAt,
            Instant updatedAt) {

        TemplateView view(Stats s) {
            long usage = s == null ? 0 : s.usage();
            Double open = s == null || s.sent() == 0 ? null : rate(s.opened(), s.sent());
            Double reply = s == null || s.sent() == 0 ? null : rate(s.replied(), s.sent());
            return new TemplateView(
                    id,
                    title,
                    description,
                    new TemplateView.Content(subject, body),
                    category,
                    tone,
                    favourite,
                    usage,
                    open,
                    reply,
                    MergeFields.used(subject, body),
                    createdBy,
                    createdAt,
                    updatedAt);
        }

        Map<String, Object> audit() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("title", title);
            m.put("description", description);
            m.put("subject", subject);
            m.put("body", body.length() > 2000 ? body.substring(0, 2000) + "…" : body);
            m.put("category", category);
            m.put("tone", tone);
            m.put("favourite", favourite);
            return m;
        }

        private static double rate(long part, long whole) {
            return Math.round(part * 10_000.0 / whole) / 10_000.0;
        }
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getString("title"),
                rs.getString("description"),
                rs.getString("subject"),
                rs.getString("body"),
                rs.getString("category"),
                rs.getString("tone"),
                rs.getBoolean("favourite"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
