package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.contacts.LeadManagement;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The composer's drafts ({@code email_drafts}). A save is an idempotent upsert of the whole draft under an id the
 * client may choose: the same save twice leaves one draft in the same state, and an id that belongs to another
 * workspace is answered as unknown (404), never overwritten. The HTML is sanitised and the text part derived from it
 * when the client sends none. A save is one short transaction: at most three single-row statements plus one lookup
 * per referenced lead, campaign or template.
 */
@Service
public class ComposerDrafts {

    /** Subject, HTML and text together may not exceed this many bytes (UTF-8). */
    public static final int MAX_BYTES = 1024 * 1024;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final LeadManagement leads;
    private final CampaignManagement campaigns;

    ComposerDrafts(
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            Clock clock,
            LeadManagement leads,
            CampaignManagement campaigns) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.leads = leads;
        this.campaigns = campaigns;
    }

    /** A whole draft as the composer sends it; {@code id} null creates a new draft with a new id. */
    public record DraftContent(
            UUID id,
            UUID prospectId,
            UUID campaignId,
            UUID templateId,
            String subject,
            String bodyHtml,
            String bodyText) {}

    /** Thrown when a draft is larger than {@link #MAX_BYTES}; answered 413. */
    public static final class TooLarge extends RuntimeException {

        TooLarge(long bytes) {
            super("The draft is " + bytes + " bytes; at most " + MAX_BYTES + " bytes are accepted");
        }
    }

    /** Creates or replaces the draft; 404 for an unknown lead, campaign or template, or another workspace's id. */
    @Transactional
    public ComposerDraftView.Saved save(TenantId tenant, DraftContent c, Actor actor) {
        long bytes = bytes(c.subject()) + bytes(c.bodyHtml()) + bytes(c.bodyText());
        if (bytes > MAX_BYTES) {
            throw new TooLarge(bytes);
        }
        String subject = c.subject() == null ? null : c.subject().replaceAll("[\\r\\n]+", " ");
        if (subject != null && subject.length() > EmailTemplates.MAX_SUBJECT) {
            throw ApiException.invalidField("subject", "must be at most " + EmailTemplates.MAX_SUBJECT + " characters");
        }
        String html = c.bodyHtml() == null ? null : HtmlContent.sanitize(c.bodyHtml());
        String text = c.bodyText() != null ? c.bodyText() : html == null ? null : HtmlContent.toText(html);
        if (c.prospectId() != null) {
            leads.get(tenant, c.prospectId()); // 404 Lead not found
        }
        if (c.campaignId() != null) {
            campaigns.get(tenant, c.campaignId());
        }
        if (c.templateId() != null
                && jdbc.sql("select count(*) from email_templates where tenant_id = ? and id = ?")
                                .params(tenant.value(), c.templateId())
                                .query(Long.class)
                                .single()
                        == 0) {
            throw ApiException.notFound("Template", c.templateId());
        }
        UUID id = c.id() == null ? UUID.randomUUID() : c.id();
        Timestamp now = Timestamp.from(clock.instant());
        Optional<Instant> updated = c.id() == null ? Optional.empty() : update(tenant, id, c, subject, html, text, now);
        if (updated.isPresent()) {
            return new ComposerDraftView.Saved(id, updated.get());
        }
        Optional<Instant> inserted = jdbc.sql("""
                insert into email_drafts (id, tenant_id, prospect_id, campaign_id, template_id, subject, body_html,
                    body_text, created_by, created_at, updated_at)
                values (:id, :tenant, :prospect, :campaign, :template, :subject, :html, :text, :by, :now, :now)
                on conflict (id) do nothing
                returning updated_at
                """)
                .param("id", id)
                .param("tenant", tenant.value())
                .param("prospect", c.prospectId())
                .param("campaign", c.campaignId())
                .param("template", c.templateId())
                .param("subject", subject)
                .param("html", html)
                .param("text", text)
                .param("by", actor == null ? null : actor.name())
                .param("now", now)
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .optional();
        if (inserted.isPresent()) {
            events.publishEvent(new ComposerDraftChanged(
                    tenant.value(), ComposerDraftChanged.CREATED, id, c.prospectId(), c.campaignId(), subject, actor));
            return new ComposerDraftView.Saved(id, inserted.get());
        }
        // the same id was inserted concurrently by this workspace (update it), or belongs to another one (404)
        return update(tenant, id, c, subject, html, text, now)
                .map(at -> new ComposerDraftView.Saved(id, at))
                .orElseThrow(() -> ApiException.notFound("Draft", id));
    }

    private Optional<Instant> update(
            TenantId tenant, UUID id, DraftContent c, String subject, String html, String text, Timestamp now) {
        return jdbc.sql("""
                update email_drafts set prospect_id = :prospect, campaign_id = :campaign, template_id = :template,
                    subject = :subject, body_html = :html, body_text = :text, version = version + 1, updated_at = :now
                where tenant_id = :tenant and id = :id
                returning updated_at
                """)
                .param("prospect", c.prospectId())
                .param("campaign", c.campaignId())
                .param("template", c.templateId())
                .param("subject", subject)
                .param("html", html)
                .param("text", text)
                .param("now", now)
                .param("tenant", tenant.value())
                .param("id", id)
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .optional();
    }

    @Transactional(readOnly = true)
    public ComposerDraftView get(TenantId tenant, UUID id) {
        return find(tenant, id).orElseThrow(() -> ApiException.notFound("Draft", id));
    }

    @Transactional(readOnly = true)
    public Optional<ComposerDraftView> find(TenantId tenant, UUID id) {
        return jdbc.sql("select * from email_drafts where tenant_id = ? and id = ?")
                .params(tenant.value(), id)
                .query(ComposerDrafts::view)
                .optional();
    }

    /** Newest first (by last save). */
    @Transactional(readOnly = true)
    public PageResult<ComposerDraftView> list(TenantId tenant, PageQuery page) {
        long total = jdbc.sql("select count(*) from email_drafts where tenant_id = ?")
                .param(tenant.value())
                .query(Long.class)
                .single();
        List<ComposerDraftView> rows = jdbc.sql("select * from email_drafts where tenant_id = ? "
                        + "order by updated_at desc, id limit ? offset ?")
                .params(tenant.value(), page.limit(), page.offset())
                .query(ComposerDrafts::view)
                .list();
        return PageResult.of(rows, page, total);
    }

    /** Deletes the draft; 404 when it is unknown. */
    @Transactional
    public void delete(TenantId tenant, UUID id, Actor actor) {
        ComposerDraftView d = get(tenant, id);
        jdbc.sql("delete from email_drafts where tenant_id = ? and id = ?")
                .params(tenant.value(), id)
                .update();
        events.publishEvent(new ComposerDraftChanged(
                tenant.value(), ComposerDraftChanged.DELETED, id, d.prospectId(), d.campaignId(), d.subject(), actor));
    }

    private static long bytes(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static ComposerDraftView view(ResultSet rs, int n) throws SQLException {
        return new ComposerDraftView(
                rs.getObject("id", UUID.class),
                rs.getObject("prospect_id", UUID.class),
                rs.getObject("campaign_id", UUID.class),
                rs.getObject("template_id", UUID.class),
                rs.getString("subject"),
                rs.getString("body_html"),
                rs.getString("body_text"),
                rs.getString("created_by"),
                rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
