package ai.revo.missioncontrol.sending;

import ai.revo.missioncontrol.identity.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface WorkspaceRelayRepository extends Repository<WorkspaceRelay, UUID> {

    // written out: a derived query builds its SQL again on every call (Spring Data JDBC's PartTreeJdbcQuery), which was
    // a fifth of the send workers' samples in bench/email.sh; a @Query is parsed once
    @Query("select * from smtp_relays where tenant_id = :tenantId")
    Optional<WorkspaceRelay> findByTenantId(TenantId tenantId);

    WorkspaceRelay save(WorkspaceRelay relay);

    @Modifying
    @Query("delete from smtp_relays where tenant_id = :tenantId")
    int deleteByTenantId(TenantId tenantId);
}

interface SenderIdentityRepository extends Repository<SenderIdentity, UUID> {

    @Query("select * from sender_identities where tenant_id = :tenantId order by is_default desc, address")
    List<SenderIdentity> findByTenantId(TenantId tenantId);

    Optional<SenderIdentity> findByTenantIdAndId(TenantId tenantId, UUID id);

    @Query("select * from sender_identities where tenant_id = :tenantId and address = :address")
    Optional<SenderIdentity> findByTenantIdAndAddress(TenantId tenantId, String address);

    @Query("select count(*) from sender_identities where tenant_id = :tenantId")
    long countByTenantId(TenantId tenantId);

    SenderIdentity save(SenderIdentity identity);

    @Modifying
    @Query("delete from sender_identities where tenant_id = :tenantId and id = :id")
    int deleteByTenantIdAndId(TenantId tenantId, UUID id);
}
