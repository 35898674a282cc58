package ai.revo.missioncontrol.outbound;

import ai.revo.missioncontrol.identity.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface OutboundRepository extends Repository<OutboundRecord, UUID> {

    // written out: a derived query builds its SQL again on every call (Spring Data JDBC's PartTreeJdbcQuery), which was
    // a fifth of the send workers' samples in bench/email.sh; a @Query is parsed once
    @Query("select * from outbound_messages where tenant_id = :tenantId and id = :id")
    Optional<OutboundRecord> findByTenantIdAndId(TenantId tenantId, UUID id);

    Optional<OutboundRecord> findByTenantIdAndIdempotencyKey(TenantId tenantId, String idempotencyKey);

    @Query("select * from outbound_messages where tenant_id = :tenantId "
            + "and (cast(:status as text) is null or status = :status) "
            + "and (cast(:channel as text) is null or channel = :channel) "
            + "and (cast(:campaignId as uuid) is null or campaign_id = :campaignId) "
            + "order by created_at desc, id limit :limit offset :offset")
    List<OutboundRecord> findPage(
            TenantId tenantId, String status, String channel, UUID campaignId, int limit, long offset);

    @Query("select count(*) from outbound_messages where tenant_id = :tenantId "
            + "and (cast(:status as text) is null or status = :status) "
            + "and (cast(:channel as text) is null or channel = :channel) "
            + "and (cast(:campaignId as uuid) is null or campaign_id = :campaignId)")
    long count(TenantId tenantId, String status, String channel, UUID campaignId);

    List<OutboundRecord> findAllByTenantIdAndIdIn(TenantId tenantId, java.util.Collection<UUID> ids);

    OutboundRecord save(OutboundRecord record);
}
