package org.rectiflow.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * A deployment as the Camunda Modeler's Deploy button posts it: multipart to {@code /engine-rest/deployment/create},
 * with its deployment name, the source "Camunda Modeler" and each resource as a file part, as the process owner.
 */
public final class ModelerDeployments {

    private ModelerDeployments() {
    }

    /** Posts the resources (file name → content) under the deployment name; returns the engine's answer as is. */
    public static HttpResponse<String> deploy(int port, String deploymentName, Map<String, String> resources)
            throws IOException, InterruptedException {
        String boundary = "----modeler" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "deployment-name", null, deploymentName);
        part(body, boundary, "deployment-source", null, "Camunda Modeler");
        for (Map.Entry<String, String> resource : resources.entrySet()) {
            part(body, boundary, resource.getKey(), resource.getKey(), resource.getValue());
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Authorization", WebTest.basicAuth("owner1", "demo"))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void part(ByteArrayOutputStream body, String boundary, String name, String filename, String value) {
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
            + (filename == null ? "" : "; filename=\"" + filename + "\"\r\nContent-Type: text/xml") + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
}
