/**
 * The command line of the jar ({@code java -jar mission-control.jar connect …}): scripts that talk to a running
 * instance through its public API, as any client would, without starting the application. Uses no other module.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Command line",
        allowedDependencies = {})
package ai.revo.missioncontrol.cli;
