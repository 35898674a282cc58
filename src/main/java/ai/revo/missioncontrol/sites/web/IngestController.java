package ai.revo.missioncontrol.sites.web;

import ai.revo.missioncontrol.sites.IngestReceipt;
import ai.revo.missioncontrol.sites.SiteIngestion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The sites' ingest endpoint: no account, the site's signature or secret is the authentication. */
@RestController
@Tag(name = "Sites")
class IngestController {

    private final SiteIngestion ingestion;

    IngestController(SiteIngestion ingestion) {
        this.ingestion = ingestion;
    }

    @PostMapping("/api/v1/ingest/{siteKey}")
    @Operation(
            summary = "Receive an event from a site (authenticated by the site's signature, no account)",
            description = "Verified on the raw body: Standard Webhooks (webhook-id, webhook-timestamp within 5 min, "
                    + "webhook-signature v1,<base64>), x-webhook-secret, Typeform-Signature sha256=<base64> or "
                    + "x-webflow-signature with x-webflow-timestamp. 401 and nothing stored when it does not hold; "
                    + "202 {eventId, status} once stored; 200 with duplicate true for a delivery seen before.")
    ResponseEntity<IngestReceipt> ingest(
            @PathVariable String siteKey, HttpServletRequest request, @RequestBody(required = false) byte[] body) {
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.putIfAbsent(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        IngestReceipt receipt = ingestion.receive(siteKey, headers, body);
        return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .body(receipt);
    }
}
