package ai.revo.missioncontrol.contacts;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A contact's notes and its one timeline: what this module knows (notes, enrolments, status and score changes) and
 * what every {@link ContactTimelineSource} of the other modules knows (drafts and decisions, emails with opens,
 * clicks and replies, tasks), newest first.
 */
@Service
public class ContactHistory {

    /** Most entries any one source contributes; the timeline pages over the newest of them. */
    static final int PER_SOURCE = 1000;

    static final int MAX_NOTE = 10_000;

    private final ContactManagement contacts;
    private final List<ContactTimelineSource> sources;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ContactHistory(
            ContactManagement contacts,
            List<ContactTimelineSource> sources,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            Clock clock) {
        this.contacts = contacts;
        this.sources = sources;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Adds a note by a person; 400 when the text is blank or longer than 10,000 characters; 404 without contact. */
    @Transactional
    public NoteView addNote(TenantId tenant, UUID contactId, String text, Actor actor) {
        contacts.load(tenant, contactId);
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw ApiException.invalidField("text", "is required");
        }
        if (body.length() > MAX_NOTE) {
            throw ApiException.invalidField("text", "must be at most " + MAX_NOTE + " characters");
        }
        UUID id = UUID.randomUUID();
        var now = clock.instant();
        jdbc.sql("insert into contact_notes (id, tenant_id, contact_id, body, author_type, author_id, author_name, "
                        + "created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        tenant.value(),
                        contactId,
                        body,
                        actor.type().name(),
                        actor.id(),
                        actor.name(),
                        Timestamp.from(now),
                        Timestamp.from(now))
                .update();
        events.publishEvent(new NoteAdded(tenant.value(), id, contactId, body, actor));
        return new NoteView(id, contactId, body, actor.name(), now);
    }

    /** Everything that happened to the contact, newest first, paged; 404 when there is no such contact. */
    @Transactional(readOnly = true)
    public PageResult<TimelineEntry> timeline(TenantId tenant, UUID contactId, PageQuery page) {
        ContactView contact = contacts.load(tenant, contactId).view();
        List<UUID> leadIds = jdbc.sql("select id from leads where tenant_id = ? and contact_id = ?")
                .params(tenant.value(), contactId)
                .query(UUID.class)
                .list();
        var subject = new ContactTimelineSource.Subject(contactId, contact.email(), contact.phone(), leadIds);
        List<TimelineEntry> all = new ArrayList<>(own(tenant, contactId));
        for (ContactTimelineSource source : sources) {
            all.addAll(source.timeline(tenant, subject, PER_SOURCE));
        }
        all.sort(Comparator.comparing(TimelineEntry::at).reversed());
        int from = (int) Math.min(page.offset(), all.size());
        int to = Math.min(from + page.limit(), all.size());
        return PageResult.of(all.subList(from, to), page, all.size());
    }

    private List<TimelineEntry> own(TenantId tenant, UUID contactId) {
        List<TimelineEntry> entries = new ArrayList<>(jdbc.sql(
                        "select body, author_name, created_at from contact_notes where tenant_id = ? and contact_id = ? "
                                + "order by created_at desc limit " + PER_SOURCE)
                .params(tenant.value(), contactId)
                .query((rs, n) -> new TimelineEntry(
                        rs.getTimestamp(3).toInstant(),
                        "NOTE",
                        null,
                        rs.getString(1),
                        null,
                        null,
                        null,
                        null,
                        rs.getString(2),
                        null))
                .list());
        entries.addAll(jdbc.sql("select kind, from_value, to_value, reason, actor_name, occurred_at, lead_id, "
                        + "campaign_id from lead_history where tenant_id = ? and contact_id = ? "
                        + "order by occurred_at desc limit " + PER_SOURCE)
                .params(tenant.value(), contactId)
                .query((rs, n) -> new TimelineEntry(
                        rs.getTimestamp(6).toInstant(),
                        rs.getString(1),
                        null,
                        rs.getString(4),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(7, UUID.class),
                        rs.getObject(8, UUID.class),
                        rs.getString(5),
                        "/leads?campaignId=" + rs.getObject(8, UUID.class)))
                .list());
        return entries;
    }
}
