/**
 * Owns the task board (columns, positions, assignees), each task's timeline and its replay. Publishes
 * {@code task.*} events; listens to nothing.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Tasks",
        allowedDependencies = {"identity"})
package ai.revo.missioncontrol.tasks;
