/**
 * The deterministic post-generation checks: each a small named rule over a generated message and its context.
 */
@org.springframework.modulith.NamedInterface("checks")
package ai.revo.missioncontrol.agents.checks;
