package ai.revo.missioncontrol.identity;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A workspace's own settings, edited by its admins: name, time zone, default phone region and logo. Each change is
 * one past-tense event (audited) in the same transaction. Callers check the role; every method works inside the
 * given tenant only.
 */
@Service
public class WorkspaceSettings {

    private final TenantRepository tenants;
    private final WorkspaceLogoRepository logos;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WorkspaceSettings(
            TenantRepository tenants, WorkspaceLogoRepository logos, ApplicationEventPublisher events, Clock clock) {
        this.tenants = tenants;
        this.logos = logos;
        this.events = events;
        this.clock = clock;
    }

    /** The settings with the logo's description (null when there is none). */
    @Transactional(readOnly = true)
    public WorkspaceSettingsView view(TenantId tenant) {
        Tenant workspace = load(tenant);
        return view(workspace, logos.findByTenantId(tenant).orElse(null));
    }

    /**
     * Changes any of name, time zone and phone region (null: unchanged). 400 naming the field when a value is
     * refused; nothing changes then. No event when nothing changed.
     */
    @Transactional
    public WorkspaceSettingsView edit(TenantId tenant, String name, String timeZone, String phoneRegion, Actor actor) {
        Tenant workspace = load(tenant);
        WorkspaceView before = WorkspaceView.of(workspace);
        boolean changed;
        try {
            changed = workspace.edit(name, timeZone, phoneRegion, clock.instant());
        } catch (Tenant.InvalidSetting e) {
            throw ApiException.invalidField(e.field, e.getMessage());
        }
        if (changed) {
            workspace = tenants.save(workspace);
            events.publishEvent(
                    new WorkspaceSettingsEdited(tenant.value(), before, WorkspaceView.of(workspace), actor));
        }
        return view(workspace, logos.findByTenantId(tenant).orElse(null));
    }

    /** The largest logo file accepted, in bytes. */
    public static final int MAX_LOGO_BYTES = WorkspaceLogo.MAX_BYTES;

    /** Sets or replaces the logo from the file's bytes; 400 (field {@code logo}) when it is not an accepted image. */
    @Transactional
    public WorkspaceSettingsView replaceLogo(TenantId tenant, byte[] file, Actor actor) {
        Tenant workspace = load(tenant);
        Instant now = clock.instant();
        WorkspaceLogo logo;
        try {
            Optional<WorkspaceLogo> existing = logos.findByTenantId(tenant);
            if (existing.isPresent()) {
                logo = existing.get();
                logo.replace(file, now);
            } else {
                logo = WorkspaceLogo.of(tenant, file, now);
            }
        } catch (Tenant.InvalidSetting e) {
            throw ApiException.invalidField(e.field, e.getMessage());
        }
        logo = logos.save(logo);
        events.publishEvent(new WorkspaceLogoChanged.WorkspaceLogoReplaced(
                tenant.value(), logo.contentType(), logo.width(), logo.height(), file.length, actor));
        return view(workspace, logo);
    }

    /** Removes the logo; 404 when there is none. */
    @Transactional
    public WorkspaceSettingsView removeLogo(TenantId tenant, Actor actor) {
        Tenant workspace = load(tenant);
        if (logos.deleteByTenantId(tenant) == 0) {
            throw ApiException.notFound("Logo", tenant);
        }
        events.publishEvent(new WorkspaceLogoChanged.WorkspaceLogoRemoved(tenant.value(), actor));
        return view(workspace, null);
    }

    /** The logo's bytes and type, or empty when the workspace has none. */
    @Transactional(readOnly = true)
    public Optional<LogoImage> logoImage(TenantId tenant) {
        return logos.findByTenantId(tenant).map(l -> new LogoImage(l.contentType(), l.image(), l.updatedAt()));
    }

    /** Whether the workspace has a logo (cheap: for the shell). */
    @Transactional(readOnly = true)
    public boolean hasLogo(TenantId tenant) {
        return logos.existsByTenantId(tenant);
    }

    /** A value a settings form offers: its code and what a person reads. */
    public record Choice(String code, String label) {}

    /** Every time zone the JDK knows (IANA ids), sorted. */
    public static java.util.List<Choice> timeZones() {
        return java.time.ZoneId.getAvailableZoneIds().stream()
                .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
                .sorted()
                .map(z -> new Choice(z, z.replace('_', ' ')))
                .toList();
    }

    /** Every phone region libphonenumber knows, by English country name, with its calling code. */
    public static java.util.List<Choice> phoneRegions() {
        var phones = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();
        return phones.getSupportedRegions().stream()
                .map(r -> new Choice(
                        r,
                        new java.util.Locale("", r).getDisplayCountry(java.util.Locale.ENGLISH) + " (" + r + ", +"
                                + phones.getCountryCodeForRegion(r) + ")"))
                .sorted(java.util.Comparator.comparing(Choice::label))
                .toList();
    }

    /** A logo file as stored: its type (read from its bytes), the bytes, when it was set. */
    public record LogoImage(String contentType, byte[] bytes, Instant updatedAt) {}

    private Tenant load(TenantId tenant) {
        return tenants.findById(tenant).orElseThrow(() -> ApiException.notFound("Workspace", tenant));
    }

    private static WorkspaceSettingsView view(Tenant t, WorkspaceLogo logo) {
        WorkspaceSettingsView.Logo described = logo == null
                ? null
                : new WorkspaceSettingsView.Logo(
                        logo.contentType(), logo.width(), logo.height(), logo.image().length, logo.updatedAt());
        return new WorkspaceSettingsView(t.id(), t.name(), t.timeZone(), t.defaultRegion(), described, t.updatedAt());
    }
}
