package ai.revo.missioncontrol.knowledge;

import ai.revo.missioncontrol.ai.Embeddings;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The workspace's product catalogue: create, change, remove, list, and find by meaning. Each product's vector is
 * computed from its fields before the transaction that saves it (no embedding inside a transaction), so it is always
 * in step with what the product says.
 */
@Service
public class ProductCatalogue {

    public static final double DEFAULT_MIN_SCORE = 0.3;

    private final ProductSteps steps;
    private final Embeddings embeddings;
    private final Clock clock;

    ProductCatalogue(ProductSteps steps, Embeddings embeddings, Clock clock) {
        this.steps = steps;
        this.embeddings = embeddings;
        this.clock = clock;
    }

    /** Adds a product; 400 naming the field when the draft is invalid, 409 for a SKU already in the catalogue. */
    public ProductView create(TenantId tenant, ProductDraft draft, Actor actor) {
        return create(tenant, draft, null, actor);
    }

    /**
     * Adds a product with a picture ({@code picture} null: none), in one transaction: a refused picture (400, 413,
     * 415 as {@link #picture}) adds nothing.
     */
    public ProductView create(TenantId tenant, ProductDraft draft, byte[] picture, Actor actor) {
        Product product = Product.create(tenant, draft, actor, clock.instant());
        ProductImage image = picture == null ? null : ProductImage.of(picture, clock.instant());
        product.embedded(embeddings.embed(product.embeddingText()), embeddings.modelName());
        return steps.save(tenant, product, image, actor);
    }

    /** Changes the fields the draft carries; 404, 400, or 409 (SKU taken, or changed meanwhile). */
    public ProductView change(TenantId tenant, UUID id, ProductDraft draft, Actor actor) {
        return change(tenant, id, draft, null, actor);
    }

    /** Changes the fields and, with {@code picture} not null, the picture, in one transaction (all or nothing). */
    public ProductView change(TenantId tenant, UUID id, ProductDraft draft, byte[] picture, Actor actor) {
        Product product = steps.load(tenant, id);
        product.change(draft, actor, clock.instant());
        ProductImage image = picture == null ? null : ProductImage.of(picture, clock.instant());
        product.embedded(embeddings.embed(product.embeddingText()), embeddings.modelName());
        return steps.save(tenant, product, image, actor);
    }

    /**
     * Stores a picture with the product, replacing any earlier one. 404 for no such product; 400 when empty, 413 over
     * 5 MB, 415 when the content (not the name) is no JPEG, PNG or WebP. Nothing changes on a refusal.
     */
    public ProductView picture(TenantId tenant, UUID id, byte[] bytes, Actor actor) {
        Product product = steps.load(tenant, id);
        ProductImage image = ProductImage.of(bytes, clock.instant());
        return steps.save(tenant, product, image, actor);
    }

    /** The product's picture with its type and ETag; 404 when the product does not exist or has no picture. */
    public ProductImage image(TenantId tenant, UUID id) {
        return steps.image(tenant, id).orElseThrow(() -> ApiException.notFound("Product image", id));
    }

    /**
     * Re-computes, with the model in use, the vectors of up to {@code limit} products embedded by another; the number
     * looked at (0: none left). A product changed or removed meanwhile is left to that change, which embedded it
     * afresh or took it away.
     */
    public int reembed(TenantId tenant, int limit) {
        String model = embeddings.modelName();
        List<UUID> stale = steps.embeddedByAnotherModel(tenant, model, limit);
        for (UUID id : stale) {
            try {
                Product product = steps.load(tenant, id);
                product.embedded(embeddings.embed(product.embeddingText()), model);
                steps.save(tenant, product);
            } catch (ApiException changedOrRemovedMeanwhile) {
                // the change that won embedded it with the model in use, or it is gone
            }
        }
        return stale.size();
    }

    /** Removes the product, its picture and its vector. */
    public void delete(TenantId tenant, UUID id, Actor actor) {
        steps.delete(tenant, id, actor);
    }

    public ProductView get(TenantId tenant, UUID id) {
        return steps.load(tenant, id).view();
    }

    /** The catalogue by name; {@code q} filters on name or SKU (null: all). */
    public PageResult<ProductView> list(TenantId tenant, String q, PageQuery page) {
        String filter = q == null || q.isBlank() ? null : q.strip();
        return PageResult.of(
                steps.views(tenant, steps.ids(tenant, filter, page.limit(), page.offset())),
                page,
                steps.count(tenant, filter));
    }

    /**
     * The products closest in meaning to {@code q}, best first, at most {@code k} (null: 5, at most 50), leaving out
     * those below {@code minScore} (null: 0.3). 400 for an empty query.
     */
    public List<ProductMatch> search(TenantId tenant, String q, Integer k, Double minScore) {
        if (q == null || q.isBlank()) {
            throw ApiException.invalidField("q", "is required");
        }
        int want = k == null ? 5 : k;
        if (want < 1 || want > 50) {
            throw ApiException.invalidField("k", "must be between 1 and 50");
        }
        double floor = minScore == null ? DEFAULT_MIN_SCORE : minScore;
        float[] query = embeddings.embed(q.strip());
        List<double[]> scored = new ArrayList<>();
        List<ProductSteps.StoredProduct> all = steps.vectors(tenant, embeddings.modelName());
        for (int i = 0; i < all.size(); i++) {
            float[] v = all.get(i).vector();
            double dot = 0;
            for (int j = 0; j < Math.min(v.length, query.length); j++) {
                dot += v[j] * query[j];
            }
            if (dot >= floor) {
                scored.add(new double[] {i, dot});
            }
        }
        scored.sort(Comparator.comparingDouble((double[] s) -> s[1]).reversed());
        List<ProductMatch> out = new ArrayList<>();
        for (double[] s : scored.subList(0, Math.min(want, scored.size()))) {
            UUID id = all.get((int) s[0]).id();
            steps.views(tenant, List.of(id))
                    .forEach(p -> out.add(new ProductMatch(p, Math.round(Math.min(1, s[1]) * 1000) / 1000.0)));
        }
        return out;
    }
}
