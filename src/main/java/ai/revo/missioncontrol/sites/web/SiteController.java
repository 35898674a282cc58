package ai.revo.missioncontrol.sites.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import ai.revo.missioncontrol.sites.MappingPreview;
import ai.revo.missioncontrol.sites.SiteDetails;
import ai.revo.missioncontrol.sites.SiteEventStatus;
import ai.revo.missioncontrol.sites.SiteEventView;
import ai.revo.missioncontrol.sites.SiteEvents;
import ai.revo.missioncontrol.sites.SiteMapping;
import ai.revo.missioncontrol.sites.SiteView;
import ai.revo.missioncontrol.sites.SiteWithSecret;
import ai.revo.missioncontrol.sites.Sites;
import ai.revo.missioncontrol.sites.TestRequest;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Sites")
class SiteController {

    private final Sites sites;
    private final SiteEvents events;
    private final String publicUrl;

    SiteController(
            Sites sites,
            SiteEvents events,
            @Value("${mc.security.public-url:http://localhost:8080}") String publicUrl) {
        this.sites = sites;
        this.events = events;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /**
     * A site with its secret, shown this once, its endpoint's full address (from {@code MC_PUBLIC_URL}) and a
     * ready-to-paste signed test request.
     */
    record SiteConnected(@JsonUnwrapped SiteView site, String secret, String endpointUrl, String testRequest) {}

    private SiteConnected connected(SiteWithSecret s) {
        String url = publicUrl + s.site().endpoint();
        return new SiteConnected(
                s.site(), s.secret(), url, TestRequest.curl(s.site().auth(), url, s.secret()));
    }

    @GetMapping("/api/v1/sites")
    @Operation(summary = "The workspace's connected sites with status, last event and events today (UTC)")
    PageResult<SiteView> list(
            CurrentUser user,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return sites.list(user.tenantId(), new PageQuery(page, limit));
    }

    @PostMapping("/api/v1/sites")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(
            summary = "Register a site (admin): its ingest endpoint and secret; the secret is shown this once",
            description = "auth: STANDARD_WEBHOOKS, SHARED_SECRET, TYPEFORM or WEBFLOW (WEBFLOW needs secret: the "
                    + "OAuth application's client secret). The site is WAITING until its first event arrives.")
    SiteConnected register(CurrentUser user, @RequestBody(required = false) SiteDetails body) {
        return connected(sites.register(user.tenantId(), body, user.actor()));
    }

    @GetMapping("/api/v1/sites/{id}")
    @Operation(summary = "One site")
    SiteView get(CurrentUser user, @PathVariable UUID id) {
        return sites.get(user.tenantId(), id);
    }

    @PatchMapping("/api/v1/sites/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Change a site (admin): fields given change; paused true/false pauses or resumes it")
    SiteView change(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) SiteDetails body) {
        return sites.change(user.tenantId(), id, body, user.actor());
    }

    @DeleteMapping("/api/v1/sites/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Remove a site and its stored events (admin); contacts and leads made from them stay")
    void remove(CurrentUser user, @PathVariable UUID id) {
        sites.remove(user.tenantId(), id, user.actor());
    }

    record Rotation(String secret) {}

    @PostMapping("/api/v1/sites/{id}/rotate-secret")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(
            summary = "Give the site a new secret (admin), shown this once",
            description = "The previous secret keeps verifying for MC_SITES_SECRET_GRACE (24 h) so the sender can "
                    + "switch without losing events; secret, when given, is the provider's own (Webflow).")
    SiteConnected rotate(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) Rotation body) {
        return connected(sites.rotateSecret(user.tenantId(), id, body == null ? null : body.secret(), user.actor()));
    }

    @GetMapping("/api/v1/sites/{id}/events")
    @Operation(summary = "The site's stored events, newest first (status: RECEIVED, PROCESSED, FAILED, IGNORED)")
    PageResult<SiteEventView> events(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) SiteEventStatus status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return events.ofSite(user.tenantId(), id, status, new PageQuery(page, limit));
    }

    record Range(Instant from, Instant to, SiteEventStatus status) {}

    @PostMapping("/api/v1/sites/{id}/reprocess")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Process the site's events of a time range again (from inclusive, to exclusive, status optional)",
            description = "Idempotent: the same payload gives the same contact and no second lead. Answers {queued}.")
    Map<String, Object> reprocess(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) Range body) {
        Range r = body == null ? new Range(null, null, null) : body;
        return Map.of("queued", events.reprocess(user.tenantId(), id, r.from(), r.to(), r.status(), user.actor()));
    }

    record PreviewRequest(UUID eventId, SiteMapping mapping) {}

    @PostMapping("/api/v1/sites/{id}/mapping/preview")
    @Operation(
            summary = "What a mapping (the site's own when none is given) makes of a stored payload; changes nothing")
    MappingPreview preview(
            CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) PreviewRequest body) {
        PreviewRequest r = body == null ? new PreviewRequest(null, null) : body;
        return events.preview(user.tenantId(), id, r.eventId(), r.mapping());
    }

    @GetMapping("/api/v1/ingest/events/{id}")
    @Operation(summary = "One stored site event with its raw payload, kept headers and outcome")
    SiteEventView event(CurrentUser user, @PathVariable UUID id) {
        return events.get(user.tenantId(), id);
    }

    @PostMapping("/api/v1/ingest/events/{id}/reprocess")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Process a stored event again with the site's current mapping (idempotent)")
    SiteEventView reprocessOne(CurrentUser user, @PathVariable UUID id) {
        if (id == null) {
            throw ApiException.invalidField("id", "is required");
        }
        return events.reprocess(user.tenantId(), id, user.actor());
    }
}
