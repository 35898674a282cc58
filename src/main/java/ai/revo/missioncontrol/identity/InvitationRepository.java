package ai.revo.missioncontrol.identity;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

interface InvitationRepository extends Repository<Invitation, UUID> {

    Optional<Invitation> findByTenantIdAndTokenHash(TenantId tenantId, String tokenHash);

    Invitation save(Invitation invitation);
}
