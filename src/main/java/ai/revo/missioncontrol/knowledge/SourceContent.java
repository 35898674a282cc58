package ai.revo.missioncontrol.knowledge;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.UUID;

/** What a source's ingestion works from: its scope, kind and type, and the bytes it was read from. */
record SourceContent(
        UUID sourceId,
        UUID campaignId,
        SourceKind kind,
        String url,
        FileType fileType,
        int attempt,
        String mediaType,
        byte[] content) {

    /** The charset the page declared ({@code text/html; charset=...}), or null. */
    Charset charset() {
        return charsetOf(mediaType);
    }

    static Charset charsetOf(String mediaType) {
        if (mediaType == null) {
            return null;
        }
        int at = mediaType.toLowerCase(Locale.ROOT).indexOf("charset=");
        if (at < 0) {
            return null;
        }
        try {
            return Charset.forName(mediaType.substring(at + 8).strip().replace("\"", ""));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }
}
