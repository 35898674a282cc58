package ai.revo.missioncontrol.identity.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.identity.WorkspaceSettings;
import ai.revo.missioncontrol.identity.WorkspaceSettingsView;
import ai.revo.missioncontrol.platform.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The workspace's settings over the API: everyone reads them, admins change them. */
@RestController
@RequestMapping("/api/v1/settings/workspace")
@Tag(name = "Settings")
class WorkspaceSettingsController {

    private final WorkspaceSettings settings;

    WorkspaceSettingsController(WorkspaceSettings settings) {
        this.settings = settings;
    }

    record Edit(String name, String timeZone, String phoneRegion) {}

    @GetMapping
    @Operation(summary = "The workspace's name, time zone, default phone region and logo (its type and size)")
    WorkspaceSettingsView get(CurrentUser user) {
        return settings.view(user.tenantId());
    }

    @PatchMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(
            summary = "Change the name, time zone (IANA, e.g. Europe/Paris) or default phone region (e.g. FR)",
            description = "Only the fields sent change. The phone region is used for numbers without a country code"
                    + " (imports, contacts, suppressions); the time zone for schedules and the daily figures. Audited"
                    + " as workspace.settings_edited.")
    WorkspaceSettingsView edit(CurrentUser user, @RequestBody Edit edit) {
        if (edit == null) {
            throw ApiException.invalidField("body", "is required");
        }
        return settings.edit(user.tenantId(), edit.name(), edit.timeZone(), edit.phoneRegion(), user.actor());
    }

    @GetMapping("/logo")
    @Operation(summary = "The logo file (404 when there is none)")
    ResponseEntity<byte[]> logo(CurrentUser user) {
        return LogoResponses.of(settings.logoImage(user.tenantId()));
    }

    @PutMapping(
            path = "/logo",
            consumes = {
                MediaType.IMAGE_PNG_VALUE,
                MediaType.IMAGE_JPEG_VALUE,
                MediaType.IMAGE_GIF_VALUE,
                MediaType.APPLICATION_OCTET_STREAM_VALUE
            })
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(
            summary =
                    "Set the logo: the file's bytes as the body (PNG, JPEG or GIF; at most 256 KB and 2048 px a side)",
            description = "The type is read from the file itself. SVG is refused. Audited as workspace.logo_replaced.")
    WorkspaceSettingsView replaceLogo(CurrentUser user, InputStream body) throws IOException {
        return settings.replaceLogo(user.tenantId(), LogoResponses.readBounded(body), user.actor());
    }

    @DeleteMapping("/logo")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Remove the logo (404 when there is none). Audited as workspace.logo_removed")
    WorkspaceSettingsView removeLogo(CurrentUser user) {
        return settings.removeLogo(user.tenantId(), user.actor());
    }

    /** How a logo is answered and how an upload is read, shared by the API and the Settings page. */
    static final class LogoResponses {

        private LogoResponses() {}

        static ResponseEntity<byte[]> of(java.util.Optional<WorkspaceSettings.LogoImage> logo) {
            WorkspaceSettings.LogoImage image =
                    logo.orElseThrow(() -> ApiException.notFound("Logo", "of this workspace"));
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(image.contentType()))
                    .cacheControl(CacheControl.noCache().cachePrivate())
                    .lastModified(image.updatedAt())
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Security-Policy", "default-src 'none'; sandbox")
                    .body(image.bytes());
        }

        /** At most one byte more than the limit is read, so a huge body is refused without being buffered. */
        static byte[] readBounded(InputStream in) throws IOException {
            byte[] bytes = in.readNBytes(WorkspaceSettings.MAX_LOGO_BYTES + 1);
            if (bytes.length > WorkspaceSettings.MAX_LOGO_BYTES) {
                throw ApiException.invalidField("logo", "is larger than 256 KB");
            }
            return bytes;
        }
    }
}
