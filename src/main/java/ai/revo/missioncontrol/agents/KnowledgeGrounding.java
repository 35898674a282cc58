package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.agents.checks.Catalogue;
import ai.revo.missioncontrol.ai.AiKnowledge;
import ai.revo.missioncontrol.ai.Grounding;
import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.campaigns.CampaignView;
import ai.revo.missioncontrol.drafts.DraftSource;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.knowledge.KnowledgeSearch;
import ai.revo.missioncontrol.knowledge.KnowledgeSources;
import ai.revo.missioncontrol.knowledge.ProductCatalogue;
import ai.revo.missioncontrol.knowledge.ProductView;
import ai.revo.missioncontrol.knowledge.RetrievedChunk;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * What the writers (the drafter, the content creator, the composer's personalise and rewrite) know of the business:
 * the top passages of the knowledge base for a lead and its campaign, cut at the campaign's knowledge threshold
 * ({@code persona.knowledgeThreshold}), and
 * the product catalogue the inventory check compares a message with. Not transactional: a question is embedded
 * outside any transaction. A workspace without knowledge costs one count and no embedding.
 */
@Service
class KnowledgeGrounding implements AiKnowledge {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeGrounding.class);

    /** Passages handed to a model with one prompt. */
    static final int PASSAGES = 4;

    /** Relevance (cosine similarity, 0..1) below which a passage is not handed to a model, when no campaign says. */
    static final double MIN_SCORE = ai.revo.missioncontrol.campaigns.Persona.DEFAULT_KNOWLEDGE_THRESHOLD / 100.0;

    /** Products the inventory check reads at most (pages of 200). */
    static final int MAX_PRODUCTS = 5_000;

    private final KnowledgeSearch search;
    private final KnowledgeSources sources;
    private final ProductCatalogue products;
    private final CampaignManagement campaigns;

    KnowledgeGrounding(
            KnowledgeSearch search, KnowledgeSources sources, ProductCatalogue products, CampaignManagement campaigns) {
        this.search = search;
        this.sources = sources;
        this.products = products;
        this.campaigns = campaigns;
    }

    /** Whether the workspace has any knowledge source at all (ready or not). */
    public boolean hasKnowledge(TenantId tenant) {
        return sources.list(tenant, null, new PageQuery(1, 1)).pagination().total() > 0;
    }

    @Override
    public Grounding ground(TenantId tenant, UUID campaignId, String question) {
        if (question == null || question.isBlank() || !hasKnowledge(tenant)) {
            return Grounding.none();
        }
        CampaignView campaign = campaignId == null ? null : campaigns.get(tenant, campaignId);
        return search(tenant, campaign, question);
    }

    /** The passages for {@code question} among the workspace's and the campaign's sources, above its threshold. */
    public Grounding search(TenantId tenant, CampaignView campaign, String question) {
        String q = question.strip();
        if (q.length() > 1000) {
            q = q.substring(0, 1000);
        }
        double minScore = campaign == null ? MIN_SCORE : campaign.persona().knowledgeMinScore();
        try {
            List<RetrievedChunk> found =
                    search.search(tenant, q, campaign == null ? null : campaign.id(), PASSAGES, minScore);
            return new Grounding(found.stream()
                    .map(c -> new Grounding.Passage(
                            c.chunkId(), c.sourceId(), c.sourceName(), c.page(), c.score(), c.text()))
                    .toList());
        } catch (RuntimeException e) {
            // knowledge helps a message, it is not needed for one: write without it, and say so in the log
            log.warn("Knowledge search failed for workspace {}; writing without knowledge", tenant.value(), e);
            return Grounding.none();
        }
    }

    /** The question for a first message: what the campaign offers and who the lead is. */
    static String leadQuestion(CampaignView campaign, String company, String jobTitle, String industry) {
        return join(campaign.name(), campaign.objective(), campaign.description(), company, jobTitle, industry);
    }

    /** The question for a social post: what the campaign offers. */
    static String campaignQuestion(CampaignView campaign) {
        return join(campaign.name(), campaign.objective(), campaign.description());
    }

    /** The sources a draft keeps: what the model was really given (none for a template). */
    static List<DraftSource> sources(Grounding grounding) {
        return grounding.passages().stream()
                .map(p -> new DraftSource(p.chunkId(), p.sourceId(), p.sourceName(), p.page(), p.score(), p.text()))
                .toList();
    }

    /** The workspace's catalogue as the inventory check reads it; empty when it has none. */
    public Catalogue catalogue(TenantId tenant) {
        List<Catalogue.Item> items = new ArrayList<>();
        for (int page = 1; items.size() < MAX_PRODUCTS; page++) {
            PageResult<ProductView> result = products.list(tenant, null, new PageQuery(page, PageQuery.MAX_LIMIT));
            for (ProductView p : result.data()) {
                items.add(new Catalogue.Item(
                        p.name(),
                        p.price() == null ? null : p.price().amount(),
                        p.price() == null ? null : p.price().currency()));
            }
            if (page >= result.pagination().totalPages()) {
                break;
            }
        }
        return new Catalogue(items);
    }

    private static String join(String... parts) {
        return Stream.of(parts)
                .filter(s -> s != null && !s.isBlank())
                .map(String::strip)
                .collect(Collectors.joining("\n"));
    }
}
