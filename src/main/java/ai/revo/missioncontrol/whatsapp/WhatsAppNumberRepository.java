package ai.revo.missioncontrol.whatsapp;

import ai.revo.missioncontrol.identity.TenantId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

interface WhatsAppNumberRepository extends Repository<WhatsAppNumber, UUID> {

    Optional<WhatsAppNumber> findByTenantId(TenantId tenantId);

    WhatsAppNumber save(WhatsAppNumber number);
}
