package ai.revo.missioncontrol.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who operates the installation. The list is installation-wide (not a workspace's data), so it is read without a
 * tenant; only the operator console and the request filter ask.
 */
@Component
class InstanceOperators {

    private final JdbcClient jdbc;
    private final Clock clock;

    InstanceOperators(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    boolean isOperator(UserId user) {
        return Boolean.TRUE.equals(jdbc.sql("select exists (select 1 from instance_operators where user_id = ?)")
                .param(user.value())
                .query(Boolean.class)
                .single());
    }

    boolean any() {
        return Boolean.TRUE.equals(jdbc.sql("select exists (select 1 from instance_operators)")
                .query(Boolean.class)
                .single());
    }

    /** Names {@code user} an operator; false when they already were. */
    boolean grant(UserId user, String email, UUID grantedBy) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                        insert into instance_operators (user_id, email, granted_by, created_at, updated_at)
                        values (?, ?, ?, ?, ?) on conflict (user_id) do nothing
                        """).params(user.value(), email, grantedBy, now, now).update() > 0;
    }

    boolean revoke(UserId user) {
        return jdbc.sql("delete from instance_operators where user_id = ?")
                        .param(user.value())
                        .update()
                > 0;
    }

    long count() {
        return jdbc.sql("select count(*) from instance_operators")
                .query(Long.class)
                .single();
    }

    record Row(UUID userId, String email, UUID grantedBy, java.time.Instant since) {}

    List<Row> list() {
        return jdbc.sql("select user_id, email, granted_by, created_at from instance_operators order by created_at")
                .query((rs, i) -> new Row(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getObject(3, UUID.class),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }
}
