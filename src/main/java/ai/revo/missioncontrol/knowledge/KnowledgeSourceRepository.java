package ai.revo.missioncontrol.knowledge;

import ai.revo.missioncontrol.identity.TenantId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

interface KnowledgeSourceRepository extends Repository<KnowledgeSource, UUID> {

    Optional<KnowledgeSource> findByTenantIdAndId(TenantId tenantId, UUID id);

    KnowledgeSource save(KnowledgeSource source);
}
