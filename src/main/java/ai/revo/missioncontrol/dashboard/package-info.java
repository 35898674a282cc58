/**
 * The dashboard shell: layout, navigation built from every module's {@link ai.revo.missioncontrol.platform.NavigationItem}s,
 * and the home page. Holds no business rules; reads other modules through their facades.
 * Publishes nothing; listens to nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboard")
package ai.revo.missioncontrol.dashboard;
