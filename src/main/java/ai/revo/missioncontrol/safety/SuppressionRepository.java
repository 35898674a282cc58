package ai.revo.missioncontrol.safety;

import ai.revo.missioncontrol.identity.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface SuppressionRepository extends Repository<Suppression, UUID> {

    @Query("select * from suppressions where tenant_id = :tenantId and id = :id and deleted_at is null")
    Optional<Suppression> findActive(TenantId tenantId, UUID id);

    @Query("select exists (select 1 from suppressions where tenant_id = :tenantId and channel = :channel "
            + "and address = :address and deleted_at is null)")
    boolean isSuppressed(TenantId tenantId, String channel, String address);

    @Query("select exists (select 1 from suppressions where tenant_id = :tenantId and channel = :channel "
            + "and address in (:address, :hashed) and deleted_at is null)")
    boolean isSuppressedOrErased(TenantId tenantId, String channel, String address, String hashed);

    @Query("select address from suppressions where tenant_id = :tenantId and channel = :channel "
            + "and address in (:addresses) and deleted_at is null")
    List<String> suppressedAmong(TenantId tenantId, String channel, java.util.Collection<String> addresses);

    @Query("select * from suppressions where tenant_id = :tenantId and deleted_at is null "
            + "and (cast(:channel as text) is null or channel = :channel) and (cast(:q as text) is null or address like :q) "
            + "order by created_at desc, id limit :limit offset :offset")
    List<Suppression> findPage(TenantId tenantId, String channel, String q, int limit, long offset);

    @Query(
            "select count(*) from suppressions where tenant_id = :tenantId and deleted_at is null "
                    + "and (cast(:channel as text) is null or channel = :channel) and (cast(:q as text) is null or address like :q)")
    long count(TenantId tenantId, String channel, String q);

    Suppression save(Suppression suppression);
}
