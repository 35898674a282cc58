/**
 * The only way out: {@link ai.revo.missioncontrol.outbound.OutboundGateway} decides every message against the
 * safety settings (pause, dry run, channel switch, suppression) and hands it to its channel's adapter at most once
 * per idempotency key. Owns the outbound message log, and the guarded web page fetcher
 * ({@link ai.revo.missioncontrol.outbound.WebPages}) the knowledge base reads URLs through. Publishes {@code outbound.*} events; listens to nothing.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Outbound",
        allowedDependencies = {"identity", "safety"})
package ai.revo.missioncontrol.outbound;
