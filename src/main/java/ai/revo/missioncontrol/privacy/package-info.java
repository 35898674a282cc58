/**
 * Owns privacy requests about a contact: the export of everything held about them as one JSON document, and their
 * erasure. Asks every module's {@link ai.revo.missioncontrol.platform.PersonalDataHolder} (each reads or scrubs only
 * its own tables) inside one transaction. Publishes {@code privacy.contact_exported} and {@code privacy.contact_erased}
 * (audited, never carrying the erased data); listens to nothing.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Privacy",
        allowedDependencies = {"identity", "contacts", "safety"})
package ai.revo.missioncontrol.privacy;
