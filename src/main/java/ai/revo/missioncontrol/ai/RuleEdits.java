package ai.revo.missioncontrol.ai;

import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What personalise and rewrite can do without a language model, the same way every time: fill merge fields from the
 * reader's data, build the greeting and an opener from it, shorten by dropping filler and trimming long paragraphs,
 * remove a named paragraph, and switch between a formal and an informal greeting. Anything else needs a model: a
 * {@link ApiException} with {@link ErrorCode#NEEDS_LANGUAGE_MODEL}. An edit that would change nothing is refused
 * the same way, so an unchanged text is never offered as a suggestion.
 */
final class RuleEdits {

    /** The rule-made text and one line per change made. */
    record Edit(String text, String subject, List<String> changes) {}

    static final String MODEL = "rules";
    static final String CAN_DO =
            "without a language model a rewrite can make the text shorter, remove a paragraph (first, second, third,"
                    + " last or by number) or use a formal or informal greeting";

    private static final Pattern GREETING_LINE = Pattern.compile(
            "^\\s*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening|day)|greetings)\\b(?:[ \\t]+[\\p{L}'.-]+){0,3}?"
                    + "(?:[ \\t]*[,!:]|[ \\t]*(?=\\n|$))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SENTENCE = Pattern.compile("[^.!?]+(?:[.!?]+|$)\\s*");
    private static final List<Pattern> FILLER = List.of(
            Pattern.compile("(?i)\\bI hope (?:this|my) (?:e-?mail|message|note) finds you well[.!]?\\s*"),
            Pattern.compile("(?i)\\bI hope you(?:'re| are) (?:doing )?(?:well|great|good)[.!]?\\s*"),
            Pattern.compile(
                    "(?i)\\b(?:I'm|I am) (?:just )?(?:reaching out|writing) (?:to you )?(?:today )?because\\s+"),
            Pattern.compile("(?i)\\bI (?:just )?wanted to (?:reach out|touch base|follow up)(?: with you)?[.,]?\\s*"),
            Pattern.compile("(?i)\\bJust (?:checking in|following up)[.!,]?\\s*"),
            Pattern.compile("(?i)\\b(?:really|very|actually|basically|just|truly|quite) (?=\\w)"));
    private static final Pattern SHORTER =
            Pattern.compile("(?i)\\b(shorter|shorten|concise|brief|briefer|trim|tighten|condense|cut it down)\\b");
    private static final Pattern REMOVE_PARAGRAPH = Pattern.compile(
            "(?i)\\b(?:remove|delete|drop|cut)\\s+(?:the\\s+)?(?:(first|second|third|fourth|fifth|last|\\d{1,2}(?:st|nd|rd|th)?)\\s+paragraph|paragraph\\s+(\\d{1,2}))\\b");
    private static final Pattern INFORMAL =
            Pattern.compile("(?i)\\b(informal|less formal|casual|relaxed)\\b(?:\\s+greeting)?|\\binformal greeting\\b");
    private static final Pattern FORMAL = Pattern.compile("(?i)\\b(?:more\\s+)?formal\\b");

    private RuleEdits() {}

    /**
     * Personalises for the reader in {@code vars} ({@code lead.firstName}, {@code lead.lastName},
     * {@code lead.company}, {@code lead.jobTitle}, {@code lead.city}): merge fields are filled, the greeting names
     * the reader (formal for a formal tone) and, when the text does not mention the reader's company yet, an opener
     * built from the role and company follows the greeting.
     */
    static Edit personalize(String original, String text, String subject, Map<String, Object> vars, String tone) {
        List<String> changes = new ArrayList<>();
        if (!text.equals(original)) {
            changes.add("filled the merge fields from the reader's data");
        }
        Reader reader = Reader.of(vars);
        boolean formal = tone != null
                && FORMAL.matcher(tone).find()
                && !INFORMAL.matcher(tone).find();
        String greeting = reader.greeting(formal);
        String out = text;
        Matcher g = GREETING_LINE.matcher(out);
        if (g.find()) {
            if (!g.group().strip().equals(greeting)) {
                out = greeting + out.substring(g.end());
                changes.add("greeting: \"" + greeting + "\"");
            }
        } else {
            out = greeting + "\n\n" + out.stripLeading();
            changes.add("added the greeting \"" + greeting + "\"");
        }
        String opener = reader.opener();
        if (opener != null && !mentions(out, reader.company())) {
            Matcher after = GREETING_LINE.matcher(out);
            int at = after.find() ? after.end() : 0;
            String rest = out.substring(at).strip();
            if (!rest.isEmpty() && Character.isLowerCase(rest.charAt(0))) {
                rest = Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
            }
            out = out.substring(0, at) + "\n\n" + opener + " " + rest;
            changes.add("added an opener from the reader's role and company");
        }
        if (tone != null
                && !tone.isBlank()
                && !FORMAL.matcher(tone).find()
                && !INFORMAL.matcher(tone).find()) {
            changes.add("the tone \"" + tone + "\" was not applied: changing a tone needs a language model");
        }
        if (out.equals(original)) {
            throw needsModel("The text already greets its reader and has nothing left to fill; personalising it further"
                    + " needs a language model, and none is configured.");
        }
        String outSubject = subject;
        return new Edit(out, outSubject, List.copyOf(changes));
    }

    /**
     * Rewrites by the instruction kinds rules can honour; 422 {@code NEEDS_LANGUAGE_MODEL} when the instruction asks
     * for none of them, or when following it would change nothing.
     */
    static Edit rewrite(String text, String instruction, Map<String, Object> vars) {
        List<String> changes = new ArrayList<>();
        boolean recognised = false;
        String out = text;
        Matcher remove = REMOVE_PARAGRAPH.matcher(instruction);
        if (remove.find()) {
            recognised = true;
            String which = remove.group(1) != null ? remove.group(1) : remove.group(2);
            List<String> paragraphs = paragraphs(out);
            int index = index(which, paragraphs.size());
            if (index < 0 || index >= paragraphs.size()) {
                throw ApiException.invalidField(
                        "instruction", "the text has " + paragraphs.size() + " paragraphs; there is no " + which);
            }
            paragraphs.remove(index);
            out = String.join("\n\n", paragraphs);
            changes.add("removed paragraph " + (index + 1));
        }
        if (SHORTER.matcher(instruction).find()) {
            recognised = true;
            String shorter = shorten(out);
            if (!shorter.equals(out)) {
                changes.add("shorter: " + words(out) + " → " + words(shorter) + " words");
                out = shorter;
            }
        }
        boolean informal = INFORMAL.matcher(instruction).find();
        boolean formal = !informal && FORMAL.matcher(instruction).find();
        if (formal || informal) {
            recognised = true;
            Reader reader = Reader.of(vars);
            String greeting = reader.greeting(formal);
            Matcher g = GREETING_LINE.matcher(out);
            if (g.find()) {
                String name = reader.firstName() == null ? greetedName(g.group()) : null;
                String built = name == null ? greeting : (formal ? "Dear " + name + "," : "Hi " + name + ",");
                if (!g.group().strip().equals(built)) {
                    out = built + out.substring(g.end());
                    changes.add((formal ? "formal" : "informal") + " greeting: \"" + built + "\"");
                }
            } else {
                out = greeting + "\n\n" + out.stripLeading();
                changes.add("added the " + (formal ? "formal" : "informal") + " greeting \"" + greeting + "\"");
            }
        }
        if (!recognised) {
            throw needsModel("\"" + shorten(instruction, 80) + "\" needs a language model, and none is configured; "
                    + CAN_DO + ".");
        }
        if (out.equals(text)) {
            throw needsModel("Following \"" + shorten(instruction, 80)
                    + "\" by rule changes nothing in this text; anything more needs a language model.");
        }
        changes.add("only these rule-based edits were made; other wording in the instruction needs a language model");
        return new Edit(out, null, List.copyOf(changes));
    }

    static ApiException needsModel(String message) {
        return new ApiException(ErrorCode.NEEDS_LANGUAGE_MODEL, message, Map.of("canDoWithoutModel", CAN_DO));
    }

    /** Drops filler phrases and keeps the first and the last sentence of any paragraph longer than two. */
    static String shorten(String text) {
        List<String> out = new ArrayList<>();
        for (String paragraph : paragraphs(text)) {
            String p = paragraph;
            for (Pattern filler : FILLER) {
                p = drop(filler, p);
            }
            p = p.strip();
            if (!p.isEmpty() && Character.isLowerCase(p.charAt(0)) && !p.equals(paragraph.strip())) {
                p = Character.toUpperCase(p.charAt(0)) + p.substring(1);
            }
            List<String> sentences = new ArrayList<>();
            Matcher m = SENTENCE.matcher(p);
            while (m.find()) {
                if (!m.group().isBlank()) {
                    sentences.add(m.group().strip());
                }
            }
            if (sentences.size() > 2) { // the first sentence says what it is about, the last asks for something
                p = sentences.get(0) + " " + sentences.get(sentences.size() - 1);
            }
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return String.join("\n\n", out);
    }

    /** Removes each match; a sentence the removal joins to a comma goes on in lower case (not I). */
    private static String drop(Pattern filler, String text) {
        StringBuilder out = new StringBuilder();
        Matcher m = filler.matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(text, last, m.start());
            last = m.end();
            boolean afterComma = out.toString().stripTrailing().endsWith(",");
            if (afterComma
                    && last < text.length() - 1
                    && Character.isUpperCase(text.charAt(last))
                    && Character.isLowerCase(text.charAt(last + 1))) {
                out.append(Character.toLowerCase(text.charAt(last)));
                last++;
            }
        }
        return out.append(text.substring(last)).toString();
    }

    static List<String> paragraphs(String text) {
        List<String> out = new ArrayList<>();
        for (String p : text.strip().split("\\n\\s*\\n")) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }

    private static int index(String which, int size) {
        String w = which.toLowerCase(Locale.ROOT).replaceAll("^(\\d+)(st|nd|rd|th)$", "$1");
        return switch (w) {
            case "first" -> 0;
            case "second" -> 1;
            case "third" -> 2;
            case "fourth" -> 3;
            case "fifth" -> 4;
            case "last" -> size - 1;
            default -> Integer.parseInt(w) - 1;
        };
    }

    private static String greetedName(String greetingLine) {
        Matcher m = Pattern.compile(
                        "(?i)^\\s*(?:hi|hello|hey|dear|greetings)\\s+([\\p{L}][\\p{L}' -]*?)\\s*[,!:]?\\s*$")
                .matcher(greetingLine);
        return m.find() ? m.group(1).strip() : null;
    }

    private static boolean mentions(String text, String what) {
        return what == null || text.toLowerCase(Locale.ROOT).contains(what.toLowerCase(Locale.ROOT));
    }

    private static int words(String text) {
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }

    private static String shorten(String s, int max) {
        String t = s.strip();
        return t.length() > max ? t.substring(0, max) + "…" : t;
    }

    /** The reader as the merge variables describe them. */
    private record Reader(String firstName, String lastName, String company, String jobTitle, String city) {

        @SuppressWarnings("unchecked")
        static Reader of(Map<String, Object> vars) {
            Object lead = vars == null ? null : vars.get("lead");
            Map<String, Object> l = lead instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            return new Reader(
                    value(l, "firstName"),
                    value(l, "lastName"),
                    value(l, "company"),
                    value(l, "jobTitle"),
                    value(l, "city"));
        }

        String greeting(boolean formal) {
            if (firstName == null) {
                return formal ? "Good day," : "Hello,";
            }
            if (formal) {
                return "Dear " + firstName + (lastName == null ? "" : " " + lastName) + ",";
            }
            return "Hi " + firstName + ",";
        }

        /** A first sentence about the reader's role and company, or null when neither is known. */
        String opener() {
            if (company == null) {
                return null;
            }
            if (jobTitle != null) {
                return "I'm writing to you as " + article(jobTitle) + " at " + company
                        + (city == null ? "" : " in " + city) + ".";
            }
            return "I'm writing to you and the team at " + company + (city == null ? "" : " in " + city) + ".";
        }

        private static String article(String title) {
            return title.matches("(?i)^(head|chief|director|vp|founder|ceo|cto|cfo|coo|owner|president)\\b.*")
                    ? "the " + title
                    : ("aeiouAEIOU".indexOf(title.charAt(0)) >= 0 ? "an " : "a ") + title;
        }

        private static String value(Map<String, Object> m, String key) {
            Object v = m.get(key);
            return v == null || String.valueOf(v).isBlank()
                    ? null
                    : String.valueOf(v).strip();
        }
    }
}
