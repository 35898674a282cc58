package ai.revo.missioncontrol.identity;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.TenantContext;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the instance operator does across workspaces: list them with their users and standing, suspend and
 * reinstate, approve or sandbox outbound sending, set their limits, and name other operators. Callers check that
 * the current user is an operator ({@link #isOperator}); the web layer requires the INSTANCE_OPERATOR authority.
 * Methods take a plain workspace id, not a {@link TenantId}: the operator acts inside another workspace, whose
 * events and audit entries record the change.
 */
@Service
public class InstanceAdministration {

    private final JdbcClient jdbc;
    private final TenantRepository tenants;
    private final UserRepository users;
    private final TenantDirectory directory;
    private final InstanceOperators operators;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    InstanceAdministration(
            JdbcClient jdbc,
            TenantRepository tenants,
            UserRepository users,
            TenantDirectory directory,
            InstanceOperators operators,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.users = users;
        this.directory = directory;
        this.operators = operators;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** Whether {@code user} operates this installation. */
    public boolean isOperator(UserId user) {
        return operators.isOperator(user);
    }

    /** Every workspace, oldest first, with its users and standing. */
    public List<WorkspaceSummary> workspaces() {
        return jdbc.sql("select * from identity_workspace_directory()")
                .query((rs, i) -> summary(rs))
                .list();
    }

    /** One workspace; 404 when there is none with this id. */
    public WorkspaceSummary workspace(UUID workspaceId) {
        return workspaces().stream()
                .filter(w -> w.id().value().equals(workspaceId))
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("Workspace", workspaceId));
    }

    /** Suspends a workspace: its users are signed out at once and nothing it sends leaves. 409 for your own. */
    public WorkspaceStanding suspend(UUID workspaceId, CurrentUser operator) {
        if (operator.tenantId().value().equals(workspaceId)) {
            throw ApiException.conflict("You cannot suspend the workspace you are signed in to");
        }
        return change(
                workspaceId, operator, (t, now) -> t.suspend(now), WorkspaceStandingChanged.WorkspaceSuspended::new);
    }

    public WorkspaceStanding reinstate(UUID workspaceId, CurrentUser operator) {
        return change(
                workspaceId, operator, (t, now) -> t.reinstate(now), WorkspaceStandingChanged.WorkspaceReinstated::new);
    }

    /** Lets the workspace send to anyone, within its limits. */
    public WorkspaceStanding approveOutbound(UUID workspaceId, CurrentUser operator) {
        return change(
                workspaceId,
                operator,
                (t, now) -> t.approveOutbound(now),
                WorkspaceStandingChanged.WorkspaceOutboundApproved::new);
    }

    /** Back to sending only to the workspace's own users. */
    public WorkspaceStanding sandbox(UUID workspaceId, CurrentUser operator) {
        return change(
                workspaceId, operator, (t, now) -> t.sandbox(now), WorkspaceStandingChanged.WorkspaceSandboxed::new);
    }

    /** Sets the workspace's own limits; a null limit means the installation's default. 400 for a negative one. */
    public WorkspaceStanding setLimits(
            UUID workspaceId,
            Integer hourlySendLimit,
            Integer dailySendLimit,
            Integer llmDailyRequests,
            Long llmDailyTokens,
            CurrentUser operator) {
        check("hourlySendLimit", hourlySendLimit);
        check("dailySendLimit", dailySendLimit);
        check("llmDailyRequests", llmDailyRequests);
        check("llmDailyTokens", llmDailyTokens);
        return change(
                workspaceId,
                operator,
                (t, now) -> {
                    t.setLimits(hourlySendLimit, dailySendLimit, llmDailyRequests, llmDailyTokens, now);
                    return true;
                },
                WorkspaceStandingChanged.WorkspaceLimitsSet::new);
    }

    public List<OperatorView> operators() {
        return operators.list().stream()
                .map(r -> new OperatorView(new UserId(r.userId()), r.email(), r.grantedBy(), r.since()))
                .toList();
    }

    /** Names the user with this e-mail an operator; 404 when there is no such user, 409 when they already are. */
    public OperatorView nameOperator(String email, CurrentUser operator) {
        EmailAddress address;
        try {
            address = new EmailAddress(email);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("email", "must be a valid e-mail address");
        }
        TenantId tenant = directory.ofLogin(address).orElseThrow(() -> ApiException.notFound("User", address.value()));
        User user = TenantContext.callAs(
                        tenant.value(), () -> tx.execute(s -> users.findByTenantIdAndEmail(tenant, address.value())))
                .orElseThrow(() -> ApiException.notFound("User", address.value()));
        if (!operators.grant(user.id(), user.email(), operator.id().value())) {
            throw ApiException.conflict("This user already is an instance operator");
        }
        return operators().stream()
                .filter(o -> o.userId().equals(user.id()))
                .findFirst()
                .orElseThrow();
    }

    /** Removes an operator; 404 when they are none, 409 when they are the last one. */
    public void removeOperator(UserId user) {
        Boolean removed = tx.execute(s -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('identity:instance-operators'))")
                    .query((rs, n) -> 1)
                    .list();
            if (!operators.isOperator(user)) {
                return null;
            }
            if (operators.count() <= 1) {
                return false;
            }
            return operators.revoke(user);
        });
        if (removed == null) {
            throw ApiException.notFound("Instance operator", user);
        }
        if (!removed) {
            throw ApiException.conflict("The installation needs at least one instance operator");
        }
    }

    private interface Fact {
        WorkspaceStandingChanged of(UUID tenant, WorkspaceStanding before, WorkspaceStanding after, Actor actor);
    }

    private WorkspaceStanding change(
            UUID workspaceId, CurrentUser operator, BiFunction<Tenant, Instant, Boolean> change, Fact fact) {
        TenantId tenant = new TenantId(workspaceId);
        return TenantContext.callAs(
                workspaceId,
                () -> tx.execute(s -> {
                    Tenant t =
                            tenants.findById(tenant).orElseThrow(() -> ApiException.notFound("Workspace", workspaceId));
                    WorkspaceStanding before = t.standing();
                    if (!change.apply(t, clock.instant())) {
                        return before;
                    }
                    Tenant saved = tenants.save(t);
                    events.publishEvent(fact.of(workspaceId, before, saved.standing(), operator.actor()));
                    return saved.standing();
                }));
    }

    private static void check(String field, Number value) {
        if (value != null && value.longValue() < 0) {
            throw ApiException.invalidField(field, "must be zero or more (leave empty for the installation's default)");
        }
    }

    private static WorkspaceSummary summary(ResultSet rs) throws SQLException {
        TenantId id = new TenantId(rs.getObject("id", UUID.class));
        Timestamp suspended = rs.getTimestamp("suspended_at");
        Array admins = rs.getArray("admin_emails");
        WorkspaceStanding standing = new WorkspaceStanding(
                id,
                Tenant.BY_SIGNUP.equals(rs.getString("origin")),
                OutboundAccess.valueOf(rs.getString("outbound_access")),
                suspended == null ? null : suspended.toInstant(),
                (Integer) rs.getObject("hourly_send_limit"),
                (Integer) rs.getObject("daily_send_limit"),
                (Integer) rs.getObject("llm_daily_requests"),
                (Long) rs.getObject("llm_daily_tokens"));
        return new WorkspaceSummary(
                id,
                rs.getString("name"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getInt("user_count"),
                admins == null ? List.of() : Arrays.asList((String[]) admins.getArray()),
                standing);
    }
}
