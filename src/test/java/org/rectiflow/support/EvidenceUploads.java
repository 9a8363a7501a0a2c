package org.rectiflow.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** An evidence file uploaded as a browser or another client sends it: multipart {@code file} and {@code description}. */
public final class EvidenceUploads {

    private EvidenceUploads() {
    }

    /** POSTs the file (and its 说明, when not null) to {@code path} of the application on {@code port}, as the user. */
    public static HttpResponse<String> upload(int port, String path, String user, String name, byte[] content,
                                              String description) throws IOException, InterruptedException {
        String boundary = "----rectiflow" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (description != null) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"description\"\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + description + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n"
            + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", WebTest.basicAuth(user, "demo"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
