package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.campaigns.CampaignStatus;
import ai.revo.missioncontrol.campaigns.CampaignView;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.identity.UserManagement;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.SortOrder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's email figures. An email counts as sent once it has a {@code sent_at} (dry-run SIMULATED emails
 * never do); opens and replies count each email's first open and first reply once ({@code first_opened_at},
 * {@code first_replied_at}), so a recipient opening ten times is one open. Rates are percentages of the emails sent,
 * with one decimal. Days are the workspace's days (its time zone).
 */
@Service
public class EmailFigures {

    /** The headline numbers. */
    public record Stats(
            long emailsSentToday,
            long emailsSent,
            long opens,
            long replies,
            double openRate,
            double replyRate,
            long activeCampaigns) {}

    /** One day of the timeline: emails sent that day, first opens and first replies that day. */
    public record Day(LocalDate date, long sent, long opened, long replied) {}

    /** A recently sent email, for the timeline's list. */
    public record RecentEmail(
            UUID id,
            UUID campaignId,
            String toEmail,
            String subject,
            EmailStatus status,
            Instant sentAt,
            Instant firstOpenedAt,
            Instant firstRepliedAt) {}

    public record Timeline(String timeZone, List<Day> days, List<RecentEmail> recentEmails) {}

    /** One hour (its start, UTC) of first opens and first replies. */
    public record Hour(Instant hour, long opens, long replies) {}

    public record Momentum(List<Hour> hours, long opens, long replies) {}

    /** One campaign's figures. */
    public record CampaignFigures(
            UUID campaignId,
            String name,
            CampaignStatus status,
            long sent,
            long opens,
            long replies,
            double openRate,
            double replyRate) {}

    public static final int MAX_DAYS = 90;

    private final JdbcClient jdbc;
    private final UserManagement users;
    private final CampaignManagement campaigns;
    private final Clock clock;

    EmailFigures(JdbcClient jdbc, UserManagement users, CampaignManagement campaigns, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Stats stats(TenantId tenant) {
        ZoneId zone = zone(tenant);
        Instant startOfToday =
                LocalDate.now(clock.withZone(zone)).atStartOfDay(zone).toInstant();
        return jdbc.sql("""
                select count(*) filter (where sent_at is not null) as sent,
                       count(*) filter (where sent_at >= ?) as sent_today,
                       count(*) filter (where sent_at is not null and first_opened_at is not null) as opens,
                       count(*) filter (where sent_at is not null and first_replied_at is not null) as replies
                from emails where tenant_id = ?""")
                .params(Timestamp.from(startOfToday), tenant.value())
                .query((rs, row) -> {
                    long sent = rs.getLong("sent");
                    long opens = rs.getLong("opens");
                    long replies = rs.getLong("replies");
                    return new Stats(
                            rs.getLong("sent_today"),
                            sent,
                            opens,
                            replies,
                            rate(opens, sent),
                            rate(replies, sent),
                            activeCampaigns(tenant));
                })
                .single();
    }

    /** {@code days} days ending today (1 to {@value #MAX_DAYS}), oldest first, and the ten latest sent emails. */
    @Transactional(readOnly = true)
    public Timeline timeline(TenantId tenant, int days) {
        int span = Math.max(1, Math.min(MAX_DAYS, days));
        ZoneId zone = zone(tenant);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate first = today.minusDays(span - 1L);
        Timestamp from = Timestamp.from(first.atStartOfDay(zone).toInstant());
        Map<LocalDate, long[]> counts = new HashMap<>();
        jdbc.sql("""
                select d, sum(s) as sent, sum(o) as opened, sum(r) as replied from (
                    select (sent_at at time zone ?)::date as d, 1 as s, 0 as o, 0 as r
                        from emails where tenant_id = ? and sent_at >= ?
                    union all
                    select (first_opened_at at time zone ?)::date, 0, 1, 0
                        from emails where tenant_id = ? and first_opened_at >= ? and sent_at is not null
                    union all
                    select (first_replied_at at time zone ?)::date, 0, 0, 1
                        from emails where tenant_id = ? and first_replied_at >= ? and sent_at is not null
                ) x group by d""")
                .params(
                        zone.getId(),
                        tenant.value(),
                        from,
                        zone.getId(),
                        tenant.value(),
                        from,
                        zone.getId(),
                        tenant.value(),
                        from)
                .query(rs -> {
                    counts.put(
                            rs.getObject("d", LocalDate.class),
                            new long[] {rs.getLong("sent"), rs.getLong("opened"), rs.getLong("replied")});
                });
        List<Day> out = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            long[] c = counts.getOrDefault(d, new long[3]);
            out.add(new Day(d, c[0], c[1], c[2]));
        }
        List<RecentEmail> recent = jdbc.sql("""
                select id, campaign_id, to_email, subject, status, sent_at, first_opened_at, first_replied_at
                from emails where tenant_id = ? and sent_at is not null order by sent_at desc, id limit 10""")
                .param(tenant.value())
                .query((rs, row) -> new RecentEmail(
                        rs.getObject("id", UUID.class),
                        rs.getObject("campaign_id", UUID.class),
                        rs.getString("to_email"),
                        rs.getString("subject"),
                        EmailStatus.valueOf(rs.getString("status")),
                        instant(rs.getTimestamp("sent_at")),
                        instant(rs.getTimestamp("first_opened_at")),
                        instant(rs.getTimestamp("first_replied_at"))))
                .list();
        return new Timeline(zone.getId(), out, recent);
    }

    /** First opens and first replies per hour over the last 48 hours, oldest hour first (48 entries). */
    @Transactional(readOnly = true)
    public Momentum momentum(TenantId tenant) {
        Instant currentHour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        Instant start = currentHour.minus(47, ChronoUnit.HOURS);
        Map<Instant, long[]> counts = new HashMap<>();
        jdbc.sql("""
                select h, sum(o) as opens, sum(r) as replies from (
                    select date_trunc('hour', first_opened_at, 'UTC') as h, 1 as o, 0 as r
                        from emails where tenant_id = ? and first_opened_at >= ? and sent_at is not null
                    union all
                    select date_trunc('hour', first_replied_at, 'UTC'), 0, 1
                        from emails where tenant_id = ? and first_replied_at >= ? and sent_at is not null
                ) x group by h""")
                .params(tenant.value(), Timestamp.from(start), tenant.value(), Timestamp.from(start))
                .query(rs -> {
                    counts.put(
                            rs.getTimestamp("h").toInstant(), new long[] {rs.getLong("opens"), rs.getLong("replies")});
                });
        List<Hour> hours = new ArrayList<>();
        long opens = 0;
        long replies = 0;
        for (Instant h = start; !h.isAfter(currentHour); h = h.plus(1, ChronoUnit.HOURS)) {
            long[] c = counts.getOrDefault(h, new long[2]);
            hours.add(new Hour(h, c[0], c[1]));
            opens += c[0];
            replies += c[1];
        }
        return new Momentum(hours, opens, replies);
    }

    /** Every campaign of the workspace (the 200 newest) with its figures; campaigns without emails show zeros. */
    @Transactional(readOnly = true)
    public List<CampaignFigures> campaigns(TenantId tenant) {
        Map<UUID, long[]> counts = new HashMap<>();
        jdbc.sql("""
                select campaign_id, count(*) filter (where sent_at is not null) as sent,
                       count(*) filter (where sent_at is not null and first_opened_at is not null) as opens,
                       count(*) filter (where sent_at is not null and first_replied_at is not null) as replies
                from emails where tenant_id = ? and campaign_id is not null group by campaign_id""").param(tenant.value()).query(rs -> {
            counts.put(
                    rs.getObject("campaign_id", UUID.class),
                    new long[] {rs.getLong("sent"), rs.getLong("opens"), rs.getLong("replies")});
        });
        List<CampaignView> all = campaigns
                .list(tenant, null, new PageQuery(1, PageQuery.MAX_LIMIT), new SortOrder("createdAt", false))
                .data();
        return all.stream()
                .map(c -> {
                    long[] n = counts.getOrDefault(c.id(), new long[3]);
                    return new CampaignFigures(
                            c.id(), c.name(), c.status(), n[0], n[1], n[2], rate(n[1], n[0]), rate(n[2], n[0]));
                })
                .toList();
    }

    private long activeCampaigns(TenantId tenant) {
        return campaigns
                .list(tenant, CampaignStatus.ACTIVE, new PageQuery(1, 1), new SortOrder("createdAt", false))
                .pagination()
                .total();
    }

    private ZoneId zone(TenantId tenant) {
        try {
            return ZoneId.of(users.workspace(tenant).timeZone());
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    static double rate(long part, long whole) {
        return whole == 0
                ? 0.0
                : BigDecimal.valueOf(part * 100.0 / whole)
                        .setScale(1, RoundingMode.HALF_UP)
                        .doubleValue();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
