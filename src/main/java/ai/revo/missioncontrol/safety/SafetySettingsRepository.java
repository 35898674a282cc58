package ai.revo.missioncontrol.safety;

import ai.revo.missioncontrol.identity.TenantId;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface SafetySettingsRepository extends Repository<SafetySettings, TenantId> {

    Optional<SafetySettings> findByTenantId(TenantId tenantId);

    SafetySettings save(SafetySettings settings);
}
