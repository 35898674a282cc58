package ai.revo.missioncontrol.safety;

import ai.revo.missioncontrol.identity.TenantId;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface SafetySettingsRepository extends Repository<SafetySettings, TenantId> {

    // written out: a derived query builds its SQL again on every call (Spring Data JDBC's PartTreeJdbcQuery), which was
    // a fifth of the send workers' samples in bench/email.sh; a @Query is parsed once
    @Query("select * from safety_settings where tenant_id = :tenantId")
    Optional<SafetySettings> findByTenantId(TenantId tenantId);

    SafetySettings save(SafetySettings settings);
}
