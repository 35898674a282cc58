package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.contacts.LeadManagement;
import ai.revo.missioncontrol.contacts.LeadQuery;
import ai.revo.missioncontrol.contacts.LeadView;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import ai.revo.missioncontrol.platform.SortOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads emails (list, detail with history and attempts), a campaign's email settings and its prospects. */
@Service
public class Emails {

    private final EmailStore store;
    private final JdbcClient jdbc;
    private final CampaignManagement campaigns;
    private final LeadManagement leads;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;

    private final SenderPolicy senders;

    Emails(
            EmailStore store,
            JdbcClient jdbc,
            CampaignManagement campaigns,
            LeadManagement leads,
            ApplicationEventPublisher events,
            ObjectMapper json,
            Clock clock,
            SenderPolicy senders) {
        this.senders = senders;
        this.store = store;
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.leads = leads;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** The email, or 404. */
    @Transactional(readOnly = true)
    public EmailView get(TenantId tenant, UUID id) {
        return store.find(tenant, id)
                .map(EmailStore.EmailRow::view)
                .orElseThrow(() -> ApiException.notFound("Email", id));
    }

    /** The email with this RFC 5322 Message-ID (with angle brackets, as generated), if it is this workspace's. */
    @Transactional(readOnly = true)
    public Optional<EmailView> byMessageId(TenantId tenant, String messageId) {
        if (messageId == null || messageId.isBlank()) {
            return Optional.empty();
        }
        String id = messageId.trim();
        Optional<EmailView> found = store.byMessageId(tenant, id);
        return found.isPresent() || id.startsWith("<") ? found : store.byMessageId(tenant, "<" + id + ">");
    }

    /** The email with its status history and attempts, or 404. */
    @Transactional(readOnly = true)
    public EmailDetail detail(TenantId tenant, UUID id) {
        EmailStore.EmailRow row = store.find(tenant, id).orElseThrow(() -> ApiException.notFound("Email", id));
        return new EmailDetail(
                row.view(), row.bodyText(), row.bodyHtml(), store.historyOf(tenant, id), store.attemptsOf(tenant, id));
    }

    /** Newest first; every filter optional ({@code q} searches recipient, sender and subject). */
    @Transactional(readOnly = true)
    public PageResult<EmailView> list(TenantId tenant, EmailStatus status, UUID campaignId, String q, PageQuery page) {
        String s = status == null ? null : status.name();
        return PageResult.of(
                store.page(tenant, s, campaignId, q, page.limit(), page.offset()),
                page,
                store.count(tenant, s, campaignId, q));
    }

    /** The campaign's email settings (defaults when never set); 404 for an unknown campaign. */
    @Transactional(readOnly = true)
    public EmailSettings settings(TenantId tenant, UUID campaignId) {
        campaigns.get(tenant, campaignId);
        return jdbc.sql("""
                select send_window::text as w, from_email from email_campaign_settings
                where tenant_id = ? and campaign_id = ?
                """)
                .params(tenant.value(), campaignId)
                .query((rs, n) -> new EmailSettings(campaignId, window(rs.getString("w")), rs.getString("from_email")))
                .optional()
                .orElse(new EmailSettings(campaignId, null, null));
    }

    /**
     * Replaces the campaign's email settings. The window needs at least one day (MON..SUN) and a start before its
     * end ({@code HH:mm}); 400 naming the field otherwise.
     */
    @Transactional
    public EmailSettings changeSettings(
            TenantId tenant, UUID campaignId, EmailSettings.SendWindow window, String fromEmail, Actor actor) {
        campaigns.get(tenant, campaignId);
        EmailSettings.SendWindow valid = window == null ? null : validate(window);
        String from = EmailSending.address("fromEmail", fromEmail, false);
        senders.check(tenant, "fromEmail", from, actor);
        Instant now = clock.instant();
        jdbc.sql("""
                insert into email_campaign_settings (tenant_id, campaign_id, send_window, from_email, created_at,
                    updated_at)
                values (:tenant, :campaign, cast(:window as jsonb), :from, :now, :now)
                on conflict (tenant_id, campaign_id) do update set send_window = excluded.send_window,
                    from_email = excluded.from_email, updated_at = excluded.updated_at
                """)
                .param("tenant", tenant.value())
                .param("campaign", campaignId)
                .param("window", valid == null ? null : write(valid))
                .param("from", from)
                .param("now", EmailStore.ts(now))
                .update();
        EmailSettings settings = new EmailSettings(campaignId, valid, from);
        events.publishEvent(new EmailSettingsChanged(tenant.value(), settings, actor));
        return settings;
    }

    /** The campaign's leads as prospects, with what became of the last email to each; 404 for an unknown campaign. */
    @Transactional(readOnly = true)
    public PageResult<ProspectView> prospects(TenantId tenant, UUID campaignId, PageQuery page) {
        campaigns.get(tenant, campaignId);
        PageResult<LeadView> page1 = leads.list(
                tenant, new LeadQuery(null, null, campaignId, null, null), page, new SortOrder("createdAt", true));
        List<ProspectView> prospects = new ArrayList<>();
        for (LeadView lead : page1.data()) {
            var c = lead.contact();
            String name = c == null
                    ? null
                    : ((c.firstName() == null ? "" : c.firstName()) + " " + (c.lastName() == null ? "" : c.lastName()))
                            .trim();
            ProspectView.LastEmail last = jdbc.sql("""
                    select id, subject, status, sent_at, created_at from emails
                    where tenant_id = ? and lead_id = ? and campaign_id = ? order by created_at desc, id limit 1
                    """)
                    .params(tenant.value(), lead.id(), campaignId)
                    .query((rs, n) -> new ProspectView.LastEmail(
                            rs.getObject("id", UUID.class),
                            rs.getString("subject"),
                            rs.getString("status"),
                            rs.getTimestamp("sent_at") == null
                                    ? null
                                    : rs.getTimestamp("sent_at").toInstant(),
                            rs.getTimestamp("created_at").toInstant()))
                    .optional()
                    .orElse(null);
            boolean[] flags = jdbc.sql("""
                    select coalesce(bool_or(first_opened_at is not null), false),
                           coalesce(bool_or(first_replied_at is not null), false)
                    from emails where tenant_id = ? and lead_id = ? and campaign_id = ?
                    """)
                    .params(tenant.value(), lead.id(), campaignId)
                    .query((rs, n) -> new boolean[] {rs.getBoolean(1), rs.getBoolean(2)})
                    .single();
            prospects.add(new ProspectView(
                    lead.id(),
                    lead.contactId(),
                    name.isEmpty() ? null : name,
                    c == null ? null : c.email(),
                    c == null ? null : c.company(),
                    lead.status().name(),
                    last,
                    flags[0],
                    flags[1] || lead.status().name().equals("REPLIED")));
        }
        return new PageResult<>(prospects, page1.pagination());
    }

    private static EmailSettings.SendWindow validate(EmailSettings.SendWindow w) {
        if (w.days() == null || w.days().isEmpty()) {
            throw ApiException.invalidField("sendWindow.days", "needs at least one day (MON..SUN)");
        }
        Set<String> days = new LinkedHashSet<>();
        for (String d : w.days()) {
            try {
                days.add(EmailSettings.SendWindow.shortName(EmailSettings.SendWindow.day(d)));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalidField("sendWindow.days", "must be MON, TUE, WED, THU, FRI, SAT or SUN");
            }
        }
        LocalTime start = time("sendWindow.start", w.start());
        LocalTime end = time("sendWindow.end", w.end());
        if (!start.isBefore(end)) {
            throw ApiException.invalidField("sendWindow.end", "must be after the start");
        }
        return new EmailSettings.SendWindow(
                List.copyOf(days), w.start().trim(), w.end().trim());
    }

    private static LocalTime time(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalidField(field, "is required (HH:mm)");
        }
        try {
            return LocalTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(field, "must be a time like 09:00");
        }
    }

    private EmailSettings.SendWindow window(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, EmailSettings.SendWindow.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
