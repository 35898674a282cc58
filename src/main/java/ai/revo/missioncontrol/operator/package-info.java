/**
 * The instance operator's console: every workspace with its users, volumes and standing (suspend, approve outbound
 * sending, set limits), the installation's settings, and who else operates the installation. Owns no table; acts
 * through the identity and outbound facades. Publishes nothing of its own (identity publishes the standing
 * changes); listens to nothing.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Instance operator",
        allowedDependencies = {"identity", "outbound"})
package ai.revo.missioncontrol.operator;
