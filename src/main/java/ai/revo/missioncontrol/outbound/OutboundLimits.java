package ai.revo.missioncontrol.outbound;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the gateway lets through per rolling hour and per rolling 24 hours, for every channel and every caller.
 * Counted are messages handed to a provider (SENDING, SENT, FAILED, UNKNOWN), across all nodes. {@code -1} removes
 * a limit; {@code 0} lets nothing through. The operator console can set a workspace's own hourly and daily limits.
 *
 * @param workspaceHourly    per workspace, unless the operator set its own
 * @param workspaceDaily     per workspace, unless the operator set its own
 * @param senderHourly       per sender address (an email's From), across the installation's workspaces
 * @param senderDaily        per sender address
 * @param installationHourly everything this installation sends
 * @param installationDaily  everything this installation sends
 */
@ConfigurationProperties(prefix = "mc.outbound.limits")
record OutboundLimits(
        @DefaultValue("200") int workspaceHourly,
        @DefaultValue("1000") int workspaceDaily,
        @DefaultValue("100") int senderHourly,
        @DefaultValue("1000") int senderDaily,
        @DefaultValue("2000") int installationHourly,
        @DefaultValue("20000") int installationDaily) {}
