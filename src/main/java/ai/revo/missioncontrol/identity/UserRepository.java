package ai.revo.missioncontrol.identity;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface UserRepository extends Repository<User, UserId> {

    Optional<User> findByTenantIdAndId(TenantId tenantId, UserId id);

    Optional<User> findByTenantIdAndEmail(TenantId tenantId, String email);

    List<User> findByTenantIdAndDeletedAtIsNull(TenantId tenantId, Pageable page);

    @Query("select count(*) from users where tenant_id = :tenantId and deleted_at is null")
    long countByTenantId(TenantId tenantId);

    @Query("select count(*) from users where tenant_id = :tenantId and role = 'ADMIN' and active "
            + "and password_hash is not null and deleted_at is null")
    long countActiveAdmins(TenantId tenantId);

    User save(User user);
}
