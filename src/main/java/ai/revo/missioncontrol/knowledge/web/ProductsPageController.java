package ai.revo.missioncontrol.knowledge.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.knowledge.ProductCatalogue;
import ai.revo.missioncontrol.knowledge.ProductDraft;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.NavigationGroup;
import ai.revo.missioncontrol.platform.NavigationItem;
import ai.revo.missioncontrol.platform.PageQuery;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/** Products: the catalogue as a grid of pictures, search by meaning, a create/edit dialog with a picture, removal. */
@Controller
@RequestMapping("/products")
class ProductsPageController {

    static final String CHANGED = "productsChanged";

    private final ProductCatalogue catalogue;

    ProductsPageController(ProductCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Bean
    static NavigationItem productsNavigation() {
        return new NavigationItem(NavigationGroup.KNOWLEDGE, "Products", "/products", "shopping-bag", 110, null);
    }

    /** The dialog's fields as the form posts them; blanks mean "none" (price: unchanged on edit). */
    record ProductForm(
            String name,
            String description,
            String priceAmount,
            String priceCurrency,
            String sku,
            String availability,
            String retailerId) {
        ProductDraft draft() {
            BigDecimal amount;
            try {
                amount = priceAmount == null || priceAmount.isBlank() ? null : new BigDecimal(priceAmount.strip());
            } catch (NumberFormatException e) {
                throw ApiException.invalidField("price.amount", "must be a number such as 49.90");
            }
            String currency = amount == null || priceCurrency == null || priceCurrency.isBlank() ? null : priceCurrency;
            return new ProductDraft(
                    name, description == null ? "" : description, amount, currency, sku, availability, retailerId);
        }
    }

    @GetMapping
    String page(@RequestParam(required = false) String q, CurrentUser user, Model model) {
        grid(user, q, model);
        return "products/products";
    }

    @GetMapping("/grid")
    String grid(CurrentUser user, @RequestParam(required = false) String q, Model model) {
        boolean searching = q != null && !q.isBlank();
        model.addAttribute("q", searching ? q.strip() : null);
        if (searching) {
            model.addAttribute("matches", catalogue.search(user.tenantId(), q, 24, null));
        } else {
            model.addAttribute("products", catalogue.list(user.tenantId(), null, new PageQuery(1, 100)));
        }
        return "products/products :: grid";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        return "products/products :: form";
    }

    @GetMapping("/{id}/edit")
    String editForm(CurrentUser user, @PathVariable UUID id, Model model) {
        model.addAttribute("product", catalogue.get(user.tenantId(), id));
        return "products/products :: form";
    }

    @PostMapping
    String create(
            CurrentUser user,
            @ModelAttribute ProductForm form,
            @RequestParam(required = false) MultipartFile file,
            HttpServletResponse response,
            Model model)
            throws IOException {
        try {
            catalogue.create(user.tenantId(), form.draft(), picture(file), user.actor());
        } catch (ApiException e) {
            return refused(form, null, e, model); // shown in the dialog, above the page's flash area
        }
        response.setHeader("HX-Trigger", CHANGED);
        return "products/products :: saved";
    }

    @PostMapping("/{id}")
    String change(
            CurrentUser user,
            @PathVariable UUID id,
            @ModelAttribute ProductForm form,
            @RequestParam(required = false) MultipartFile file,
            HttpServletResponse response,
            Model model)
            throws IOException {
        try {
            catalogue.change(user.tenantId(), id, form.draft(), picture(file), user.actor());
        } catch (ApiException e) {
            return refused(form, catalogue.get(user.tenantId(), id), e, model);
        }
        response.setHeader("HX-Trigger", CHANGED);
        return "products/products :: saved";
    }

    @PostMapping("/{id}/delete")
    String delete(CurrentUser user, @PathVariable UUID id, Model model) {
        catalogue.delete(user.tenantId(), id, user.actor());
        return grid(user, null, model);
    }

    @GetMapping("/{id}/image")
    @ResponseBody
    ResponseEntity<byte[]> image(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return ProductImageResponses.of(catalogue.image(user.tenantId(), id), ifNoneMatch);
    }

    private static byte[] picture(MultipartFile file) throws IOException {
        return file == null || file.isEmpty() ? null : ProductImageResponses.read(file);
    }

    private static String refused(ProductForm form, Object product, ApiException e, Model model) {
        model.addAttribute("product", product);
        model.addAttribute("form", form);
        model.addAttribute("formError", e.getMessage());
        return "products/products :: form";
    }
}
