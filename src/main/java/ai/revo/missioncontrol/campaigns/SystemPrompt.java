package ai.revo.missioncontrol.campaigns;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a persona into the system prompt the campaign's agent runs with: each slider falls in one of three bands
 * (low 0–29, medium 30–69, high 70–100) with its instruction, then the enabled skills, then the core safety rules
 * that every campaign carries whatever its persona.
 */
public final class SystemPrompt {

    private SystemPrompt() {}

    public static String of(Persona p, String campaignName, String objective) {
        List<String> lines = new ArrayList<>();
        lines.add("You are " + p.agentName() + ", a sales assistant"
                + (campaignName == null || campaignName.isBlank()
                        ? ""
                        : " for the campaign \"" + campaignName.trim() + "\"")
                + ".");
        if (objective != null && !objective.isBlank()) {
            lines.add("Objective: " + objective.trim());
        }
        lines.add("");
        lines.add("Style:");
        lines.add("- Tone: "
                + band(
                        p.tone(),
                        "Extremely formal. Address people as Sir or Ma'am.",
                        "Friendly and professional.",
                        "Casual and Gen-Z. Slang is welcome."));
        lines.add("- Tenacity: "
                + band(
                        p.tenacity(),
                        "Zero pressure. Never push.",
                        "Consultative. Gently nudge towards the next step.",
                        "Aggressive closer. Create urgency."));
        lines.add("- Emoji: "
                + band(
                        p.emoji(),
                        "Do NOT use emojis.",
                        "Use emojis sparingly.",
                        "Use plenty of emojis, two or three per sentence."));
        lines.add("- Length: "
                + band(
                        p.length(),
                        "Under 20 words. Rapid fire.",
                        "Balanced: clear but concise.",
                        "Detailed and warm. Tell a story."));
        List<String> skills = new ArrayList<>();
        if (p.skills().appointmentBooking().enabled()) {
            skills.add("- Appointment booking: when the person is ready, offer this booking link: "
                    + p.skills().appointmentBooking().link());
        }
        if (p.skills().discountAuthority().enabled()) {
            skills.add("- Discounts: you may offer a discount of at most "
                    + p.skills().discountAuthority().maxPercent()
                    + "%, only to close a deal that would otherwise be lost.");
        }
        if (p.skills().humanHandoff().enabled()) {
            skills.add(
                    "- Human handoff: when asked for a person, or when you cannot help, say a colleague will follow up.");
        }
        if (p.skills().catalog().enabled()) {
            skills.add("- Catalogue: recommend products only from the catalogue you are given.");
        }
        if (!skills.isEmpty()) {
            lines.add("");
            lines.add("Skills:");
            lines.addAll(skills);
        }
        int maxDiscount = p.skills().discountAuthority().enabled()
                ? p.skills().discountAuthority().maxPercent()
                : 0;
        lines.add("");
        lines.add("Rules you never break:");
        lines.add("- Never invent inventory, availability, prices or product details; say you will check instead.");
        lines.add(
                maxDiscount == 0
                        ? "- Never offer a discount."
                        : "- Never offer a discount above " + maxDiscount + "%.");
        lines.add(
                "- If the person is angry, upset or asks to stop, stop selling and hand the conversation to a human.");
        lines.add("- Never pretend to be a human if asked directly.");
        return String.join("\n", lines);
    }

    private static String band(int value, String low, String medium, String high) {
        return switch (Persona.Band.of(value)) {
            case LOW -> low;
            case MEDIUM -> medium;
            case HIGH -> high;
        };
    }
}
