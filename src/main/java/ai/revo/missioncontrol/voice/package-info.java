/**
 * Owns voice calls from Vapi, per site: the verified server-message endpoint (assistant-request answered with the
 * caller's context, status updates, tool calls answered, end-of-call reports), the call log on the contact's
 * timeline and each site's voice settings. Publishes {@code call.*} events; listens to its own {@code call.ended}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Voice",
        allowedDependencies = {"identity", "contacts", "sites"})
package ai.revo.missioncontrol.voice;
