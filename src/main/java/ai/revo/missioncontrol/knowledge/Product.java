package ai.revo.missioncontrol.knowledge;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A product of a workspace's catalogue. It checks its own fields (a name, a price with a currency or neither, a
 * known availability) and carries the vector of what it says, replaced whenever its fields change.
 */
@Table("products")
class Product extends AbstractAggregateRoot<Product> {

    static final Set<String> AVAILABILITY = Set.of("IN_STOCK", "OUT_OF_STOCK", "PREORDER", "DISCONTINUED");

    @Id
    private final UUID id;

    private final TenantId tenantId;
    private String name;
    private String description;
    private BigDecimal priceAmount;
    private String priceCurrency;
    private String sku;
    private String availability;
    private String retailerId;
    private byte[] embedding;
    private String embeddingModel;
    private String imageType;
    private String imageEtag;
    private Integer imageSize;

    @Version
    private Long version;

    private final Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    Product(
            UUID id,
            TenantId tenantId,
            String name,
            String description,
            BigDecimal priceAmount,
            String priceCurrency,
            String sku,
            String availability,
            String retailerId,
            byte[] embedding,
            String embeddingModel,
            String imageType,
            String imageEtag,
            Integer imageSize,
            Long version,
            Instant createdAt,
            Instant updatedAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.name = name;
        this.description = description;
        this.priceAmount = priceAmount;
        this.priceCurrency = priceCurrency;
        this.sku = sku;
        this.availability = availability;
        this.retailerId = retailerId;
        this.embedding = embedding;
        this.embeddingModel = embeddingModel;
        this.imageType = imageType;
        this.imageEtag = imageEtag;
        this.imageSize = imageSize;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /** A new product from a draft; 400 naming the field when the draft is not a valid product. */
    static Product create(TenantId tenant, ProductDraft draft, Actor actor, Instant now) {
        Product p = new Product(
                UUID.randomUUID(),
                tenant,
                null,
                null,
                null,
                null,
                null,
                "IN_STOCK",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                now,
                now);
        if (draft.name() == null || draft.name().isBlank()) {
            throw ApiException.invalidField("name", "is required");
        }
        p.apply(draft);
        p.registerEvent(new ProductCreated(tenant.value(), p.id, p.name, p.sku, actor));
        return p;
    }

    /** Applies the fields a draft carries (null: unchanged). */
    void change(ProductDraft draft, Actor actor, Instant now) {
        apply(draft);
        updatedAt = now;
        registerEvent(new ProductUpdated(tenantId.value(), id, name, sku, actor));
    }

    private void apply(ProductDraft d) {
        if (d.name() != null) {
            String n = d.name().strip();
            if (n.isEmpty() || n.length() > 200) {
                throw ApiException.invalidField("name", "must be 1 to 200 characters");
            }
            name = n;
        }
        if (d.description() != null) {
            if (d.description().length() > 5000) {
                throw ApiException.invalidField("description", "is longer than 5,000 characters");
            }
            description = d.description().isBlank() ? null : d.description().strip();
        }
        if (d.priceAmount() != null) {
            if (d.priceAmount().signum() < 0
                    || d.priceAmount().scale() > 2
                    || d.priceAmount().precision() > 12) {
                throw ApiException.invalidField(
                        "price.amount", "must be a non-negative amount with at most 2 decimals");
            }
            priceAmount = d.priceAmount().setScale(2, RoundingMode.UNNECESSARY);
        }
        if (d.priceCurrency() != null) {
            String c = d.priceCurrency().strip().toUpperCase(Locale.ROOT);
            if (!c.matches("[A-Z]{3}")) {
                throw ApiException.invalidField("price.currency", "must be a three-letter ISO 4217 code such as EUR");
            }
            priceCurrency = c;
        }
        if ((priceAmount == null) != (priceCurrency == null)) {
            throw ApiException.invalidField("price", "needs both an amount and a currency");
        }
        if (d.sku() != null) {
            sku = d.sku().isBlank() ? null : d.sku().strip();
        }
        if (d.availability() != null) {
            String a = d.availability().strip().toUpperCase(Locale.ROOT);
            if (!AVAILABILITY.contains(a)) {
                throw ApiException.invalidField(
                        "availability", "must be IN_STOCK, OUT_OF_STOCK, PREORDER or DISCONTINUED");
            }
            availability = a;
        }
        if (d.retailerId() != null) {
            retailerId = d.retailerId().isBlank() ? null : d.retailerId().strip();
        }
    }

    /** What the product's vector is computed from. */
    String embeddingText() {
        StringBuilder s = new StringBuilder(name);
        if (description != null) {
            s.append(". ").append(description);
        }
        if (priceAmount != null) {
            s.append(". Price ").append(priceAmount.toPlainString()).append(' ').append(priceCurrency);
        }
        if (sku != null) {
            s.append(". SKU ").append(sku);
        }
        return s.toString();
    }

    void embedded(float[] vector, String model) {
        embedding = ChunkStore.bytes(vector);
        embeddingModel = model;
    }

    /** Takes {@code image} as the product's picture (its bytes are written beside the row by the caller). */
    void pictured(ProductImage image, Actor actor, Instant now) {
        imageType = image.contentType();
        imageEtag = image.etag();
        imageSize = image.bytes().length;
        updatedAt = now;
        registerEvent(new ProductImageUploaded(tenantId.value(), id, name, imageType, imageSize, imageEtag, actor));
    }

    boolean hasImage() {
        return imageEtag != null;
    }

    ProductDeleted deleted(Actor actor) {
        return new ProductDeleted(tenantId.value(), id, name, sku, actor);
    }

    UUID id() {
        return id;
    }

    ProductView view() {
        return new ProductView(
                id,
                name,
                description,
                priceAmount == null ? null : new ProductView.Price(priceAmount, priceCurrency),
                sku,
                availability,
                retailerId,
                imageEtag == null ? null : "/api/v1/products/" + id + "/image?v=" + imageEtag.substring(0, 12),
                createdAt,
                updatedAt);
    }
}
