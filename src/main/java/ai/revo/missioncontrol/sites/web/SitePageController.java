package ai.revo.missioncontrol.sites.web;

import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.campaigns.CampaignView;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.NavigationGroup;
import ai.revo.missioncontrol.platform.NavigationItem;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.SortOrder;
import ai.revo.missioncontrol.sites.SiteAuth;
import ai.revo.missioncontrol.sites.SiteDetails;
import ai.revo.missioncontrol.sites.SiteEventStatus;
import ai.revo.missioncontrol.sites.SiteEvents;
import ai.revo.missioncontrol.sites.SiteMapping;
import ai.revo.missioncontrol.sites.SiteStatus;
import ai.revo.missioncontrol.sites.SiteView;
import ai.revo.missioncontrol.sites.SiteWithSecret;
import ai.revo.missioncontrol.sites.Sites;
import ai.revo.missioncontrol.sites.TestRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sites: the registry with live status, the connect wizard (endpoint, secret once, a test curl, CONNECTED when the
 * first event arrives), one site's events with reprocess, its mapping editor with preview, and its settings.
 */
@Controller
@RequestMapping("/sites")
class SitePageController {

    private final Sites sites;
    private final SiteEvents events;
    private final CampaignManagement campaigns;
    private final ObjectMapper json;
    private final String publicUrl;

    SitePageController(
            Sites sites,
            SiteEvents events,
            CampaignManagement campaigns,
            ObjectMapper json,
            @Value("${mc.security.public-url:http://localhost:8080}") String publicUrl) {
        this.sites = sites;
        this.events = events;
        this.campaigns = campaigns;
        this.json = json;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    @Bean
    static NavigationItem sitesNavigation() {
        return new NavigationItem(NavigationGroup.KNOWLEDGE, "Sites", "/sites", "world-www", 110, null);
    }

    @GetMapping
    String page(CurrentUser user, Model model) {
        model.addAttribute("campaigns", campaignNames(user));
        model.addAttribute("auths", SiteAuth.values());
        registry(user, model);
        return "sites/sites";
    }

    @GetMapping("/registry")
    String registry(CurrentUser user, Model model) {
        model.addAttribute("sites", sites.list(user.tenantId(), new PageQuery(1, 200)));
        return "sites/sites :: registry";
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    String connect(
            CurrentUser user,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String url,
            @RequestParam(required = false) String purpose,
            @RequestParam(required = false) String dataTypes,
            @RequestParam(required = false) SiteAuth auth,
            @RequestParam(required = false) UUID campaignId,
            @RequestParam(required = false) String silentAfter,
            @RequestParam(required = false) String secret,
            Model model) {
        SiteWithSecret created = sites.register(
                user.tenantId(),
                new SiteDetails(
                        name,
                        url,
                        purpose,
                        list(dataTypes),
                        null,
                        auth,
                        campaignId,
                        blank(silentAfter),
                        null,
                        null,
                        blank(secret)),
                user.actor());
        return secretShown(created, model);
    }

    @GetMapping("/{id}/status")
    String status(CurrentUser user, @PathVariable UUID id, Model model, HttpServletResponse response) {
        SiteView site = sites.get(user.tenantId(), id);
        model.addAttribute("site", site);
        if (site.status() != SiteStatus.WAITING) {
            // the wizard has seen the first event: the registry refreshes now rather than on the live
            // stream alone, which a page opened a moment before the event may not have joined yet
            response.setHeader("HX-Trigger", "mc-site");
        }
        return "sites/fragments :: status";
    }

    @GetMapping("/{id}")
    String site(CurrentUser user, @PathVariable UUID id, Model model) throws JsonProcessingException {
        SiteView site = sites.get(user.tenantId(), id);
        model.addAttribute("site", site);
        model.addAttribute("endpointUrl", publicUrl + site.endpoint());
        model.addAttribute("campaigns", campaignNames(user));
        model.addAttribute("mappingJson", json.writerWithDefaultPrettyPrinter().writeValueAsString(site.mapping()));
        eventList(user, id, null, null, model);
        return "sites/site";
    }

    @GetMapping("/{id}/events")
    String eventList(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) SiteEventStatus status,
            @RequestParam(required = false) Integer page,
            Model model) {
        model.addAttribute("siteId", id);
        model.addAttribute("statusFilter", status);
        model.addAttribute("statuses", SiteEventStatus.values());
        model.addAttribute("events", events.ofSite(user.tenantId(), id, status, new PageQuery(page, 25)));
        return "sites/site :: events";
    }

    @GetMapping("/{id}/events/{eventId}")
    String event(CurrentUser user, @PathVariable UUID id, @PathVariable UUID eventId, Model model)
            throws JsonProcessingException {
        var event = events.get(user.tenantId(), eventId);
        if (!event.siteId().equals(id)) {
            throw ApiException.notFound("Site event", eventId);
        }
        model.addAttribute("site", sites.get(user.tenantId(), id));
        model.addAttribute("event", event);
        model.addAttribute("payloadJson", json.writerWithDefaultPrettyPrinter().writeValueAsString(event.payload()));
        return "sites/event";
    }

    @PostMapping("/{id}/events/{eventId}/reprocess")
    String reprocessOne(CurrentUser user, @PathVariable UUID id, @PathVariable UUID eventId, Model model) {
        events.reprocess(user.tenantId(), eventId, user.actor());
        return eventList(user, id, null, null, model);
    }

    @PostMapping("/{id}/reprocess")
    String reprocessRange(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) SiteEventStatus status,
            Model model) {
        int queued =
                events.reprocess(user.tenantId(), id, instant("from", from), instant("to", to), status, user.actor());
        model.addAttribute("queued", queued);
        return eventList(user, id, null, null, model);
    }

    @PostMapping("/{id}/mapping/preview")
    String preview(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) String mapping,
            @RequestParam(required = false) UUID eventId,
            Model model) {
        model.addAttribute("preview", events.preview(user.tenantId(), id, eventId, mapping(mapping)));
        return "sites/fragments :: preview";
    }

    @PostMapping("/{id}/mapping")
    @PreAuthorize("hasRole('ADMIN')")
    String saveMapping(
            CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String mapping, Model model) {
        SiteMapping m = mapping(mapping);
        if (m == null) {
            throw ApiException.invalidField("mapping", "is required");
        }
        sites.change(user.tenantId(), id, details(null, m), user.actor());
        model.addAttribute("message", "Mapping saved. Reprocess failed events to use it.");
        return "fragments :: flash-success";
    }

    @PostMapping("/{id}/rotate-secret")
    @PreAuthorize("hasRole('ADMIN')")
    String rotate(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String secret, Model model) {
        return secretShown(sites.rotateSecret(user.tenantId(), id, blank(secret), user.actor()), model);
    }

    @PostMapping("/{id}/pause")
    @PreAuthorize("hasRole('ADMIN')")
    String pause(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestParam boolean paused,
            HttpServletResponse response,
            Model model) {
        sites.change(user.tenantId(), id, details(paused, null), user.actor());
        model.addAttribute("message", paused ? "Site paused" : "Site resumed");
        response.setHeader("HX-Refresh", "true");
        return "fragments :: flash-success";
    }

    @PostMapping("/{id}/delete")
    @PreAuthorize("hasRole('ADMIN')")
    String delete(CurrentUser user, @PathVariable UUID id, HttpServletResponse response, Model model) {
        sites.remove(user.tenantId(), id, user.actor());
        response.setHeader("HX-Redirect", "/sites");
        model.addAttribute("message", "Site removed");
        return "fragments :: flash-success";
    }

    private String secretShown(SiteWithSecret created, Model model) {
        model.addAttribute("site", created.site());
        model.addAttribute("secret", created.secret());
        model.addAttribute("endpointUrl", publicUrl + created.site().endpoint());
        model.addAttribute(
                "testRequest",
                TestRequest.curl(
                        created.site().auth(), publicUrl + created.site().endpoint(), created.secret()));
        return "sites/fragments :: connected";
    }

    private SiteMapping mapping(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return json.readValue(text, SiteMapping.class);
        } catch (JsonProcessingException e) {
            throw ApiException.invalidField("mapping", "is not valid mapping JSON: " + e.getOriginalMessage());
        }
    }

    private static SiteDetails details(Boolean paused, SiteMapping mapping) {
        return new SiteDetails(null, null, null, null, null, null, null, null, paused, mapping, null);
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(field, "must be a date and time");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static List<String> list(String csv) {
        return csv == null || csv.isBlank()
                ? null
                : java.util.Arrays.stream(csv.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    private Map<UUID, String> campaignNames(CurrentUser user) {
        Map<UUID, String> names = new LinkedHashMap<>();
        for (CampaignView c : campaigns
                .list(
                        user.tenantId(),
                        null,
                        new PageQuery(1, 200),
                        SortOrder.of(null, null, CampaignManagement.SORTABLE, "createdAt", false))
                .data()) {
            names.put(c.id(), c.name());
        }
        return names;
    }
}
