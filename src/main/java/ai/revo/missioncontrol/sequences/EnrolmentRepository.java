package ai.revo.missioncontrol.sequences;

import ai.revo.missioncontrol.identity.TenantId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

interface EnrolmentRepository extends Repository<Enrolment, UUID> {

    Optional<Enrolment> findByTenantIdAndId(TenantId tenantId, UUID id);

    Enrolment save(Enrolment enrolment);

    java.util.List<Enrolment> findAllByTenantIdAndIdIn(TenantId tenantId, java.util.Collection<UUID> ids);
}
