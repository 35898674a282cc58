/**
 * Owns sequences: a campaign's cadence of up to ten steps (email, task, wait) with delays, conditions on the previous
 * step and A/B variants, the leads enrolled in them with their state, and the durable execution of due steps.
 * Publishes {@code sequence.*} and {@code enrolment.*} events; listens to replies, bounces, unsubscribes,
 * suppressions and lead moves to stop enrolments, and to email events to count sends, opens, clicks and replies.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Sequences",
        allowedDependencies = {
            "identity",
            "safety",
            "campaigns",
            "contacts",
            "drafts",
            "email",
            "tasks",
            "conversations",
            "agents"
        })
package ai.revo.missioncontrol.sequences;
