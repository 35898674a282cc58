package ai.revo.missioncontrol.knowledge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/** A passage cut from a source: its place in the source, the page or heading it is under, and its text. */
record Chunk(int position, Integer page, String heading, String text) {

    /**
     * The SHA-256 of the text normalised (Unicode NFKC, lower case, runs of white space as one space, trimmed), so
     * the same passage laid out differently is still one passage.
     */
    String contentHash() {
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ")
                .strip();
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
