package ai.revo.missioncontrol.sms;

import ai.revo.missioncontrol.identity.TenantId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

interface SmsAccountRepository extends Repository<SmsAccount, UUID> {

    Optional<SmsAccount> findByTenantId(TenantId tenantId);

    SmsAccount save(SmsAccount account);
}
