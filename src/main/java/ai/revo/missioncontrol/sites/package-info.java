/**
 * Owns the site registry (the workspace's connected websites, each with its own signed ingest endpoint and secret,
 * its field mapping and health) and what the sites send: stored raw after the signature check, then turned into a
 * golden-record contact, a lead in the site's campaign and an event on the contact's timeline as durable work, with
 * reprocessing. Publishes {@code site.*} events; listens to nothing.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Sites",
        allowedDependencies = {"identity", "contacts", "campaigns", "platform :: secrets"})
package ai.revo.missioncontrol.sites;
