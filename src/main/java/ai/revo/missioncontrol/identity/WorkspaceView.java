package ai.revo.missioncontrol.identity;

/** A workspace as others read it: its id, name, time zone and default phone region. */
public record WorkspaceView(TenantId id, String name, String timeZone, String defaultRegion) {

    static WorkspaceView of(Tenant tenant) {
        return new WorkspaceView(tenant.id(), tenant.name(), tenant.timeZone(), tenant.defaultRegion());
    }
}
