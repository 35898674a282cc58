package ai.revo.missioncontrol.knowledge.web;

import ai.revo.missioncontrol.knowledge.ProductImage;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/** How a product picture is answered (API and page alike) and how an upload is read without holding more than 5 MB. */
final class ProductImageResponses {

    private ProductImageResponses() {}

    /**
     * The picture with its own type, a strong ETag (its SHA-256) and private caching: the URL the views hand out
     * changes with the picture, so a browser may keep it an hour and then revalidate (304 when unchanged).
     */
    static ResponseEntity<byte[]> of(ProductImage image, String ifNoneMatch) {
        String etag = "\"" + image.etag() + "\"";
        CacheControl cache = CacheControl.maxAge(Duration.ofHours(1)).cachePrivate();
        if (ifNoneMatch != null
                && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(etag)
                    .cacheControl(cache)
                    .build();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.contentType()))
                .eTag(etag)
                .cacheControl(cache)
                .lastModified(image.updatedAt())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .body(image.bytes());
    }

    /** The uploaded bytes; 413 before reading anything when the part is over 5 MB. */
    static byte[] read(MultipartFile file) throws IOException {
        if (file.getSize() > ProductImage.MAX_BYTES) {
            throw new ApiException(
                    ErrorCode.PAYLOAD_TOO_LARGE,
                    "The picture is larger than 5 MB",
                    Map.of("fields", List.of(Map.of("field", "file", "message", "is larger than 5 MB"))));
        }
        return file.getBytes();
    }
}
