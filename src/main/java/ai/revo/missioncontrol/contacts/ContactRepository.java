package ai.revo.missioncontrol.contacts;

import ai.revo.missioncontrol.identity.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface ContactRepository extends Repository<Contact, UUID> {

    @Query("select * from contacts where tenant_id = :tenantId and id = :id and deleted_at is null")
    Optional<Contact> findActive(TenantId tenantId, UUID id);

    @Query(
            "select * from contacts where tenant_id = :tenantId and deleted_at is null "
                    + "and ((cast(:email as text) is not null and email = :email) or (cast(:phone as text) is not null and phone = :phone))")
    List<Contact> findByKeys(TenantId tenantId, String email, String phone);

    @Query("select * from contacts where tenant_id = :tenantId and id in (:ids) and deleted_at is null")
    List<Contact> findActiveByIds(TenantId tenantId, java.util.Collection<UUID> ids);

    Contact save(Contact contact);
}
