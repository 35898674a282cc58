package ai.revo.missioncontrol.safety;

import java.util.Optional;

import org.springframework.data.repository.Repository;

import ai.revo.missioncontrol.identity.TenantId;

interface SafetySettingsRepository extends Repository<SafetySettings, TenantId> {

    Optional<SafetySettings> findByTenantId(TenantId tenantId);

    SafetySettings save(SafetySettings settings);
}
