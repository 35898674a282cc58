/**
 * Owns the knowledge base: sources (uploaded files and web pages, for the workspace or one campaign), their
 * ingestion as durable background work (parse, chunk, embed), the chunks with their vectors, and hybrid retrieval
 * (an exact in-memory vector index per workspace fused with PostgreSQL full-text search). Publishes
 * {@code knowledge.source.*} events; listens to nothing.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Knowledge",
        allowedDependencies = {"identity", "ai", "outbound", "campaigns"})
package ai.revo.missioncontrol.knowledge;
