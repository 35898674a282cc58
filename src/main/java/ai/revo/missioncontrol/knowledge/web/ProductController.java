package ai.revo.missioncontrol.knowledge.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.knowledge.ProductCatalogue;
import ai.revo.missioncontrol.knowledge.ProductDraft;
import ai.revo.missioncontrol.knowledge.ProductMatch;
import ai.revo.missioncontrol.knowledge.ProductView;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Products")
class ProductController {

    private final ProductCatalogue catalogue;

    ProductController(ProductCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    record PriceBody(BigDecimal amount, String currency) {}

    /** A product as a client sends it; on PATCH a field left out stays as it is. */
    record ProductBody(
            String name, String description, PriceBody price, String sku, String availability, String retailerId) {
        ProductDraft draft() {
            return new ProductDraft(
                    name,
                    description,
                    price == null ? null : price.amount(),
                    price == null ? null : price.currency(),
                    sku,
                    availability,
                    retailerId);
        }
    }

    private static ProductBody required(ProductBody body) {
        if (body == null) {
            throw ApiException.invalidField("body", "is required");
        }
        return body;
    }

    @GetMapping("/api/v1/products")
    @Operation(summary = "The catalogue by name; q filters on name or SKU")
    PageResult<ProductView> list(
            CurrentUser user,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return catalogue.list(user.tenantId(), q, new PageQuery(page, limit));
    }

    @PostMapping("/api/v1/products")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Add a product {name, description, price: {amount, currency}, sku, availability, retailerId}",
            description = "availability: IN_STOCK (default), OUT_OF_STOCK, PREORDER, DISCONTINUED; retailerId is the "
                    + "id WhatsApp product messages use. The product's vector is computed from its fields.")
    ProductView create(CurrentUser user, @RequestBody(required = false) ProductBody body) {
        return catalogue.create(user.tenantId(), required(body).draft(), user.actor());
    }

    @GetMapping("/api/v1/products/search")
    @Operation(
            summary = "The products closest in meaning to q (score: cosine similarity, at least minScore, default 0.3)")
    PageResult<ProductMatch> search(
            CurrentUser user,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer k,
            @RequestParam(required = false) Double minScore) {
        List<ProductMatch> hits = catalogue.search(user.tenantId(), q, k, minScore);
        return PageResult.of(hits, new PageQuery(1, k == null ? 5 : k), hits.size());
    }

    @GetMapping("/api/v1/products/{id}")
    @Operation(summary = "One product")
    ProductView get(CurrentUser user, @PathVariable UUID id) {
        return catalogue.get(user.tenantId(), id);
    }

    @PatchMapping("/api/v1/products/{id}")
    @Operation(summary = "Change the fields sent; the product's vector follows")
    ProductView change(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) ProductBody body) {
        return catalogue.change(user.tenantId(), id, required(body).draft(), user.actor());
    }

    @PostMapping(path = "/api/v1/products/{id}/image")
    @Operation(
            summary = "Upload the product's picture (multipart field 'file'): JPEG, PNG or WebP, at most 5 MB",
            description = "The type is read from the bytes (a renamed file is refused with 415); over 5 MB is 413. "
                    + "Replaces any earlier picture; the product's imageUrl changes with it.")
    ProductView uploadImage(
            CurrentUser user, @PathVariable UUID id, @RequestParam(value = "file", required = false) MultipartFile file)
            throws IOException {
        catalogue.get(user.tenantId(), id);
        if (file == null) {
            throw ApiException.invalidField("file", "is required (multipart field 'file')");
        }
        return catalogue.picture(user.tenantId(), id, ProductImageResponses.read(file), user.actor());
    }

    @GetMapping("/api/v1/products/{id}/image")
    @Operation(summary = "The product's picture with its type, ETag (SHA-256) and caching headers; 404 when none")
    ResponseEntity<byte[]> image(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return ProductImageResponses.of(catalogue.image(user.tenantId(), id), ifNoneMatch);
    }

    @DeleteMapping("/api/v1/products/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a product with its picture")
    void delete(CurrentUser user, @PathVariable UUID id) {
        catalogue.delete(user.tenantId(), id, user.actor());
    }
}
