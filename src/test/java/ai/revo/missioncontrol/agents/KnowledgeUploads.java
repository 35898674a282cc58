package ai.revo.missioncontrol.agents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Uploads a knowledge file through the API (multipart), as a client does; answers the source's id. */
final class KnowledgeUploads {

    private KnowledgeUploads() {}

    static String upload(int port, String token, String fileName, byte[] content) {
        return upload(port, token, fileName, content, null);
    }

    static String upload(int port, String token, String fileName, byte[] content, String campaignId) {
        try {
            String boundary = "----mc" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (campaignId != null) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"campaignId\"\r\n\r\n"
                                + campaignId + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/knowledge/sources"))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Accept", "application/json")
                                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            return new ObjectMapper().readTree(r.body()).path("id").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
