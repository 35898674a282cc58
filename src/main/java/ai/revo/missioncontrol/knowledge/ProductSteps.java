package ai.revo.missioncontrol.knowledge;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalogue's short transactions; vectors are computed before them by {@link ProductCatalogue}. */
@Service
class ProductSteps {

    record StoredProduct(UUID id, float[] vector) {}

    private final ProductRepository products;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ProductSteps(ProductRepository products, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.products = products;
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional
    public ProductView save(TenantId tenant, Product product) {
        return save(tenant, product, null, null);
    }

    /** Saves the product and, when {@code image} is not null, stores it as its picture in the same transaction. */
    @Transactional
    public ProductView save(TenantId tenant, Product product, ProductImage image, Actor actor) {
        try {
            if (image != null) {
                product.pictured(image, actor, image.updatedAt());
            }
            ProductView view = products.save(product).view();
            if (image != null) {
                jdbc.sql("update products set image = ? where tenant_id = ? and id = ?")
                        .params(image.bytes(), tenant.value(), product.id())
                        .update();
            }
            return view;
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("Another product already has this SKU");
        } catch (OptimisticLockingFailureException e) {
            throw ApiException.conflict("The product was changed meanwhile; load it again and retry");
        }
    }

    @Transactional(readOnly = true)
    public Product load(TenantId tenant, UUID id) {
        return products.findByTenantIdAndId(tenant, id).orElseThrow(() -> ApiException.notFound("Product", id));
    }

    @Transactional
    public void delete(TenantId tenant, UUID id, Actor actor) {
        Product product = load(tenant, id);
        jdbc.sql("delete from products where tenant_id = ? and id = ?")
                .params(tenant.value(), id)
                .update();
        events.publishEvent(product.deleted(actor));
    }

    /** The product's picture; empty when the product has none or does not exist. */
    @Transactional(readOnly = true)
    public java.util.Optional<ProductImage> image(TenantId tenant, UUID id) {
        return jdbc.sql("select image_type, image, image_etag, updated_at from products "
                        + "where tenant_id = ? and id = ? and image is not null")
                .params(tenant.value(), id)
                .query((rs, n) -> new ProductImage(
                        rs.getString(1),
                        rs.getBytes(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .optional();
    }

    /** Up to {@code limit} products whose vector was computed by another model than {@code model}. */
    @Transactional(readOnly = true)
    public List<UUID> embeddedByAnotherModel(TenantId tenant, String model, int limit) {
        return jdbc.sql("select id from products where tenant_id = ? and embedding_model <> ? order by id limit ?")
                .params(tenant.value(), model, limit)
                .query(UUID.class)
                .list();
    }

    /** The vectors of the workspace's products that {@code model} produced (others are not comparable). */
    @Transactional(readOnly = true)
    public List<StoredProduct> vectors(TenantId tenant, String model) {
        List<StoredProduct> out = new ArrayList<>();
        jdbc.sql("select id, embedding from products where tenant_id = ? and embedding_model = ?")
                .params(tenant.value(), model)
                .query(rs -> {
                    out.add(new StoredProduct(rs.getObject(1, UUID.class), ChunkStore.floats(rs.getBytes(2))));
                });
        return out;
    }

    @Transactional(readOnly = true)
    public List<UUID> ids(TenantId tenant, String q, int limit, long offset) {
        return jdbc.sql("select id from products where tenant_id = ? "
                        + "and (cast(? as text) is null or name ilike '%' || cast(? as text) || '%' "
                        + "or sku ilike '%' || cast(? as text) || '%') order by name, id limit ? offset ?")
                .params(tenant.value(), q, q, q, limit, offset)
                .query(UUID.class)
                .list();
    }

    @Transactional(readOnly = true)
    public long count(TenantId tenant, String q) {
        return jdbc.sql("select count(*) from products where tenant_id = ? "
                        + "and (cast(? as text) is null or name ilike '%' || cast(? as text) || '%' "
                        + "or sku ilike '%' || cast(? as text) || '%')")
                .params(tenant.value(), q, q, q)
                .query(Long.class)
                .single();
    }

    @Transactional(readOnly = true)
    public List<ProductView> views(TenantId tenant, List<UUID> ids) {
        List<ProductView> out = new ArrayList<>();
        for (UUID id : ids) {
            products.findByTenantIdAndId(tenant, id).ifPresent(p -> out.add(p.view()));
        }
        return out;
    }
}
