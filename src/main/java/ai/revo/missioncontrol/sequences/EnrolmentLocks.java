package ai.revo.missioncontrol.sequences;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.ApiException;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Takes an enrolment's row lock for the caller's transaction before loading it: every change of an enrolment (a
 * step run, a stop, a pause) goes through here, so they happen one after the other, never interleaved.
 */
@Component
class EnrolmentLocks {

    private final JdbcClient jdbc;
    private final EnrolmentRepository enrolments;

    EnrolmentLocks(JdbcClient jdbc, EnrolmentRepository enrolments) {
        this.jdbc = jdbc;
        this.enrolments = enrolments;
    }

    /** Locks then loads the enrolment; 404 when there is none in this workspace. */
    Enrolment lock(TenantId tenant, UUID id) {
        jdbc.sql("select id from sequence_enrolments where tenant_id = ? and id = ? for update")
                .params(tenant.value(), id)
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> ApiException.notFound("Enrolment", id));
        return enrolments.findByTenantIdAndId(tenant, id).orElseThrow();
    }
}
