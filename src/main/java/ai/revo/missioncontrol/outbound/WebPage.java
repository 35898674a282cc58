package ai.revo.missioncontrol.outbound;

import java.net.URI;
import java.nio.charset.Charset;

/**
 * A web page fetched through {@link WebPages}: the address asked for, the one that answered (after redirects), its
 * media type (lower case, no parameters), the charset it declared (null if none) and its bytes (at most 10 MB).
 */
public record WebPage(URI requested, URI finalUrl, String mediaType, Charset charset, byte[] body) {

    public boolean isHtml() {
        return mediaType.equals("text/html") || mediaType.equals("application/xhtml+xml");
    }
}
