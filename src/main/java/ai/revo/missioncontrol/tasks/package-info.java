/**
 * Owns the task board (columns, positions, assignees), each task's timeline and its replay. Publishes
 * {@code task.*} events; listens to nothing. Tells the contacts module about tasks of a lead.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Tasks",
        allowedDependencies = {"identity", "contacts"})
package ai.revo.missioncontrol.tasks;
