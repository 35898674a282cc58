/**
 * Owns the golden contact record (one person per email or phone in a workspace) and leads: contacts enrolled in a
 * campaign, with status, score and override, value and sentiment. Publishes {@code contact.*} and {@code lead.*}
 * events; listens to nothing.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Contacts",
        allowedDependencies = {"identity"})
package ai.revo.missioncontrol.contacts;
