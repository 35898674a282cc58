package ai.revo.missioncontrol.imports.web;

import ai.revo.missioncontrol.contacts.ContactManagement;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.imports.ImportField;
import ai.revo.missioncontrol.imports.ImportView;
import ai.revo.missioncontrol.imports.Imports;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.NavigationGroup;
import ai.revo.missioncontrol.platform.NavigationItem;
import ai.revo.missioncontrol.platform.PageQuery;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Import: upload, map the columns, check the file, run it with a live progress bar, read the summary. */
@Controller
@RequestMapping("/imports")
class ImportsPageController {

    private final Imports imports;
    private final ContactManagement contacts;

    ImportsPageController(Imports imports, ContactManagement contacts) {
        this.imports = imports;
        this.contacts = contacts;
    }

    @Bean
    static NavigationItem importsNavigation() {
        return new NavigationItem(NavigationGroup.SELL, "Import", "/imports", "file-import", 145, null);
    }

    @GetMapping
    String page(CurrentUser user, Model model) {
        model.addAttribute("imports", imports.list(user.tenantId(), new PageQuery(1, 20)));
        return "imports/imports";
    }

    @PostMapping
    String upload(
            CurrentUser user,
            @RequestParam(value = "file", required = false) MultipartFile file,
            @org.springframework.web.bind.annotation.RequestHeader(value = "HX-Request", required = false) String htmx,
            HttpServletResponse response)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw ApiException.invalidField("file", "is required: choose a CSV or XLSX file");
        }
        ImportView view = imports.upload(user.tenantId(), file.getOriginalFilename(), file.getBytes(), user.actor());
        if (htmx == null) {
            return "redirect:/imports/" + view.id();
        }
        response.setHeader("HX-Redirect", "/imports/" + view.id());
        return "imports/imports :: nothing";
    }

    @GetMapping("/{id}")
    String detail(CurrentUser user, @PathVariable UUID id, Model model) {
        ImportView view = imports.get(user.tenantId(), id);
        model.addAttribute("imp", view);
        model.addAttribute("fields", ImportField.values());
        model.addAttribute("campaigns", contacts.enrollableCampaigns(user.tenantId()));
        if (view.status().equals("UPLOADED")) {
            model.addAttribute("preview", imports.preview(user.tenantId(), id));
        }
        return "imports/import";
    }

    @PostMapping("/{id}/mapping")
    String map(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestParam(value = "column", required = false) List<String> columns,
            @RequestParam(required = false) UUID campaignId,
            Model model) {
        List<String> keys = new ArrayList<>();
        if (columns != null) {
            columns.forEach(c -> keys.add(c == null || c.isBlank() ? null : c));
        }
        model.addAttribute("imp", imports.get(user.tenantId(), id));
        model.addAttribute("preview", imports.map(user.tenantId(), id, keys, campaignId, user.actor()));
        return "imports/import :: preview";
    }

    @PostMapping("/{id}/start")
    String start(CurrentUser user, @PathVariable UUID id, HttpServletResponse response) {
        imports.start(user.tenantId(), id, user.actor());
        response.setHeader("HX-Redirect", "/imports/" + id);
        return "imports/imports :: nothing";
    }

    @PostMapping("/{id}/cancel")
    String cancel(CurrentUser user, @PathVariable UUID id, Model model) {
        model.addAttribute("imp", imports.cancel(user.tenantId(), id, user.actor()));
        return "imports/import :: progress";
    }

    @GetMapping("/{id}/progress")
    String progress(CurrentUser user, @PathVariable UUID id, Model model) {
        model.addAttribute("imp", imports.get(user.tenantId(), id));
        return "imports/import :: progress";
    }
}
