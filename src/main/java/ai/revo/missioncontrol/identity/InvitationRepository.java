package ai.revo.missioncontrol.identity;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

interface InvitationRepository extends Repository<Invitation, UUID> {

    Optional<Invitation> findByTenantIdAndTokenHash(TenantId tenantId, String tokenHash);

    @org.springframework.data.jdbc.repository.query.Query(
            "select * from invitations where tenant_id = :tenantId and user_id = :userId and accepted_at is null"
                    + " order by created_at desc limit 1")
    Optional<Invitation> findLatestPending(TenantId tenantId, UserId userId);

    Invitation save(Invitation invitation);
}
