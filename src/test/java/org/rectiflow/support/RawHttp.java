package org.rectiflow.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 request written byte for byte on a plain socket: the request line reaches the server exactly as
 * given (Java's URL, {@code HttpURLConnection} and {@code HttpClient} normalise or refuse some paths before
 * sending them). One request per connection ({@code Connection: close}); chunked answers are decoded.
 */
public final class RawHttp {

    /** The status, the headers (names in lower case; repeated ones joined by a newline) and the body. */
    public record Answer(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body;
        }
    }

    private RawHttp() {
    }

    public static Answer get(int port, String target, String... headerLines) throws IOException {
        return send(port, "GET", target, null, headerLines);
    }

    /** Sends {@code method target HTTP/1.1} with a Host header, the given header lines and an optional body. */
    public static Answer send(int port, String method, String target, String body, String... headerLines)
        throws IOException {
        return sendFrom(InetAddress.getLoopbackAddress(), port, method, target, body, headerLines);
    }

    /**
     * The same from another local address: the connection leaves from {@code source} (any 127.x.y.z works on
     * the loopback), which is the remote address the server sees.
     */
    public static Answer sendFrom(InetAddress source, int port, String method, String target, String body,
                                  String... headerLines) throws IOException {
        StringBuilder request = new StringBuilder()
            .append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
            .append("Host: localhost:").append(port).append("\r\n")
            .append("Connection: close\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            request.append("Content-Length: ").append(content.length).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port, source, 0)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            return read(socket.getInputStream());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no complete answer: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            headers.merge(name, value, (a, b) -> a + "\n" + b);
        }
        byte[] body = Arrays.copyOfRange(all, end + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int lineEnd = indexOf(body, at);
            String sizeText = new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            out.write(body, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return bytes.length;
    }

    /** The header lines of HTTP Basic for a user. */
    public static String basic(String user, String password) {
        return "Authorization: " + WebTest.basicAuth(user, password);
    }
}
