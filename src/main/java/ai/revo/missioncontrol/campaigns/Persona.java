package ai.revo.missioncontrol.campaigns;

import java.net.URI;

/**
 * The AI agent a campaign speaks through: a name, four sliders from 0 to 100 and its skills. Missing sliders take
 * their defaults (tone 50, tenacity 50, emoji 20, length 50, confidence threshold 70, knowledge threshold 30: the
 * relevance, in percent of cosine similarity, below which a passage of knowledge is not handed to the model when
 * writing for the campaign). Checks itself on construction
 * (IllegalArgumentException naming the field), so a persona that exists is valid.
 */
public record Persona(
        String agentName,
        Integer tone,
        Integer tenacity,
        Integer emoji,
        Integer length,
        Skills skills,
        Integer confidenceThreshold,
        Integer knowledgeThreshold) {

    public static final int MAX_DISCOUNT_PERCENT = 20;

    public record Skills(
            AppointmentBooking appointmentBooking,
            DiscountAuthority discountAuthority,
            Toggle humanHandoff,
            Toggle catalog) {

        public Skills {
            appointmentBooking = appointmentBooking == null ? new AppointmentBooking(false, null) : appointmentBooking;
            discountAuthority = discountAuthority == null ? new DiscountAuthority(false, 0) : discountAuthority;
            humanHandoff = humanHandoff == null ? new Toggle(true) : humanHandoff;
            catalog = catalog == null ? new Toggle(false) : catalog;
        }

        static Skills defaults() {
            return new Skills(null, null, null, null);
        }
    }

    public record AppointmentBooking(boolean enabled, String link) {
        public AppointmentBooking {
            if (enabled) {
                if (link == null || link.isBlank()) {
                    throw new IllegalArgumentException(
                            "persona.skills.appointmentBooking.link is required when enabled");
                }
                URI uri;
                try {
                    uri = URI.create(link.trim());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("persona.skills.appointmentBooking.link must be an http(s) URL");
                }
                if (uri.getScheme() == null
                        || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))
                        || uri.getHost() == null) {
                    throw new IllegalArgumentException("persona.skills.appointmentBooking.link must be an http(s) URL");
                }
                link = link.trim();
            }
        }
    }

    public record DiscountAuthority(boolean enabled, int maxPercent) {
        public DiscountAuthority {
            if (maxPercent < 0 || maxPercent > MAX_DISCOUNT_PERCENT) {
                throw new IllegalArgumentException(
                        "persona.skills.discountAuthority.maxPercent must be between 0 and " + MAX_DISCOUNT_PERCENT);
            }
        }
    }

    public record Toggle(boolean enabled) {}

    public Persona {
        agentName = agentName == null || agentName.isBlank() ? "Alex" : agentName.trim();
        if (agentName.length() > 60) {
            throw new IllegalArgumentException("persona.agentName must be at most 60 characters");
        }
        tone = slider("tone", tone, 50);
        tenacity = slider("tenacity", tenacity, 50);
        emoji = slider("emoji", emoji, 20);
        length = slider("length", length, 50);
        skills = skills == null ? Skills.defaults() : skills;
        confidenceThreshold = slider("confidenceThreshold", confidenceThreshold, DEFAULT_CONFIDENCE_THRESHOLD);
        knowledgeThreshold = slider("knowledgeThreshold", knowledgeThreshold, DEFAULT_KNOWLEDGE_THRESHOLD);
    }

    /** The knowledge threshold as the retriever's minimum relevance (0..1). */
    public double knowledgeMinScore() {
        return knowledgeThreshold / 100.0;
    }

    /**
     * The three bands a slider's value falls in, each with its own instruction in the system prompt: low 0–29,
     * medium 30–69, high 70–100.
     */
    public enum Band {
        LOW,
        MEDIUM,
        HIGH;

        public static final int MEDIUM_FROM = 30;
        public static final int HIGH_FROM = 70;

        public static Band of(int value) {
            return value < MEDIUM_FROM ? LOW : value < HIGH_FROM ? MEDIUM : HIGH;
        }
    }

    /** Generated drafts whose confidence (0 to 100) is below this are flagged for a closer look. */
    public static final int DEFAULT_CONFIDENCE_THRESHOLD = 70;

    /**
     * Passages of knowledge less relevant than this (cosine similarity in percent; all-MiniLM-L6-v2 gives a passage
     * that answers a question about 0.4 to 0.8, an unrelated one below 0.2) are not handed to the model.
     */
    public static final int DEFAULT_KNOWLEDGE_THRESHOLD = 30;

    public static Persona defaults() {
        return new Persona(
                "Alex", 50, 50, 20, 50, Skills.defaults(), DEFAULT_CONFIDENCE_THRESHOLD, DEFAULT_KNOWLEDGE_THRESHOLD);
    }

    private static Integer slider(String name, Integer value, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < 0 || value > 100) {
            throw new IllegalArgumentException("persona." + name + " must be between 0 and 100");
        }
        return value;
    }
}
