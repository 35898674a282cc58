package ai.revo.missioncontrol.ai;

import ai.revo.missioncontrol.identity.TenantId;
import java.util.UUID;

/**
 * Where the AI helpers find what the business knows, provided by a module that can read the knowledge base (the ai
 * module knows none). Implementations answer {@link Grounding#none()} when nothing relevant is known, and never
 * throw for a search that finds nothing.
 */
public interface AiKnowledge {

    /** The top passages for {@code question}, among the workspace's sources and, with {@code campaignId}, that campaign's. */
    Grounding ground(TenantId tenant, UUID campaignId, String question);
}
