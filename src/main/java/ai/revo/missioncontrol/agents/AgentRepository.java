package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.identity.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface AgentRepository extends Repository<Agent, UUID> {

    Optional<Agent> findByTenantIdAndId(TenantId tenantId, UUID id);

    @Query("select * from agents where tenant_id = :tenantId order by created_at, key")
    List<Agent> findAll(TenantId tenantId);

    Optional<Agent> findByTenantIdAndKey(TenantId tenantId, String key);

    Agent save(Agent agent);
}
