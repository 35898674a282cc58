package ai.revo.missioncontrol.knowledge;

/** A product found for a query and its relevance (cosine similarity, 0..1). */
public record ProductMatch(ProductView product, double score) {}
