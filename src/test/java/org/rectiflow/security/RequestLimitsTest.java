package org.rectiflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rectiflow.measure.MeasureKind;
import org.rectiflow.support.TestRounds;
import org.rectiflow.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * No request can make a node hold more than its limits: the role is checked before a body is read, a body over
 * {@code rectiflow.http.max-json-body} (10MB) is refused with 413 whether it declares its length or comes in chunks,
 * on {@code /api} and {@code /engine-rest} alike; and every {@code /api} answer carries nosniff, frame and CSP
 * headers. Where the point is that a body is never read, the request announces it with {@code Expect: 100-continue}
 * over a plain socket and sends it only if the server asks for it.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestLimitsTest extends WebTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final int MB = 1024 * 1024;
    private static final String TOO_LARGE = "请求体超过10MB，未作处理，请减少内容后再提交";

    @Autowired JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * A body of {@code size} bytes (the head, then blanks), produced as it is sent: nothing of it is held here.
     */
    private static InputStream body(String head, long size) {
        byte[] start = head.getBytes(StandardCharsets.UTF_8);
        InputStream padding = new InputStream() {
            private long left = size - start.length;

            @Override
            public int read() {
                return left-- > 0 ? ' ' : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                Arrays.fill(buffer, offset, offset + n, (byte) ' ');
                left -= n;
                return n;
            }
        };
        return new SequenceInputStream(new ByteArrayInputStream(start), padding);
    }

    /** An answer read off the socket: its status and body. */
    private record Answer(int status, String body) {
        static Answer parse(String raw) {
            int end = raw.indexOf("\r\n\r\n");
            return new Answer(Integer.parseInt(raw.substring(9, 12)), end < 0 ? "" : raw.substring(end + 4));
        }
    }

    /**
     * Sends the head of a POST that announces a body of {@code length} bytes with {@code Expect: 100-continue}, as
     * careful clients do, and sends the body only if the server asks for it ({@code 100 Continue}). Returns the
     * final answer and whether the body was asked for.
     */
    private Answer announce(String path, String user, String contentType, long length, InputStream body,
                            AtomicBoolean askedForBody) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            String head = "POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                + (user == null ? "" : "Authorization: " + basicAuth(user, "demo") + "\r\n")
                + "Content-Type: " + contentType + "\r\nContent-Length: " + length + "\r\n"
                + "Expect: 100-continue\r\nConnection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String first = line(in);
            if (first.startsWith("HTTP/1.1 100")) {
                askedForBody.set(true);
                line(in); // the blank line after the interim answer
                body.transferTo(out);
                out.flush();
                first = line(in);
            }
            return Answer.parse(first + "\r\n" + new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static String line(InputStream in) throws Exception {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private HttpResponse<String> post(String path, String user, String contentType, HttpRequest.BodyPublisher body)
        throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", contentType).POST(body);
        if (user != null) {
            request.header("Authorization", basicAuth(user, "demo"));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> errors(String body) throws Exception {
        return JSON.readerForListOf(String.class).readValue(JSON.readTree(body).get("errors"));
    }

    private static List<String> errors(HttpResponse<String> response) throws Exception {
        return errors(response.body());
    }

    private String round(String code) throws Exception {
        return JSON.writeValueAsString(TestRounds.round(code, LocalDate.now(ZoneId.of("Asia/Shanghai")),
            MeasureKind.IMMEDIATE, 30));
    }

    private long rounds(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM inspection_round WHERE code = ?").param(code).query(Long.class).single();
    }

    // ----------------------------------------------------------------------------------------- the role first

    @Test
    void aUnitUsersRegistrationIsRefusedBeforeItsBodyIsRead(CapturedOutput log) throws Exception {
        AtomicBoolean askedForBody = new AtomicBoolean();
        String multipart = "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.xlsx\"\r\n\r\n";

        List<Answer> answers = List.of(
            announce("/api/rounds", "simingLiaison", "application/json", 4L * MB,
                body(round(TestRounds.newCode()), 4L * MB), askedForBody),
            announce("/api/rounds", "simingLiaison", "application/json", 57L * MB, body("{", 57L * MB), askedForBody),
            announce("/api/rounds", "simingLiaison", "multipart/form-data; boundary=x", 9L * MB,
                body(multipart, 9L * MB), askedForBody));

        for (Answer refused : answers) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(errors(refused.body())).containsExactly("只有整改专班（或系统管理员）可以登记巡察反馈");
        }
        assertThat(askedForBody).as("the server asked for a body").isFalse();
        assertThat(log.getOut()).doesNotContain("Exception");
    }

    @Test
    void aUnitUsersBodySentWithoutWaitingIsRefusedToo() throws Exception {
        String code = TestRounds.newCode();

        HttpResponse<String> refused = post("/api/rounds", "simingLiaison", "application/json",
            HttpRequest.BodyPublishers.ofString(round(code)));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(errors(refused)).containsExactly("只有整改专班（或系统管理员）可以登记巡察反馈");
        assertThat(rounds(code)).isZero();
    }

    @Test
    void theOfficesRegistrationIsAskedForOnceTheRoleIsKnown() throws Exception {
        String code = TestRounds.newCode();
        byte[] json = round(code).getBytes(StandardCharsets.UTF_8);
        AtomicBoolean askedForBody = new AtomicBoolean();

        Answer created = announce("/api/rounds", "officer1", "application/json", json.length,
            new ByteArrayInputStream(json), askedForBody);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(askedForBody).isTrue();
        assertThat(rounds(code)).isEqualTo(1);
    }

    // --------------------------------------------------------------------------------------- the body limit

    @Test
    void aJsonBodyDeclaredOverTheLimitIsRefusedUnread(CapturedOutput log) throws Exception {
        String code = TestRounds.newCode();
        AtomicBoolean askedForBody = new AtomicBoolean();

        Answer api = announce("/api/rounds", "officer1", "application/json", 10L * MB + 1,
            body(round(code), 10L * MB + 1), askedForBody);
        Answer engine = announce("/engine-rest/message", "officer1", "application/json", 57L * MB,
            body("{\"messageName\": \"x\", \"padding\": \"", 57L * MB), askedForBody);

        assertThat(api.status()).isEqualTo(413);
        assertThat(errors(api.body())).containsExactly(TOO_LARGE);
        assertThat(engine.status()).isEqualTo(413);
        assertThat(JSON.readTree(engine.body()).get("message").asText()).isEqualTo(TOO_LARGE);
        assertThat(askedForBody).isFalse();
        assertThat(rounds(code)).isZero();
        assertThat(log.getOut()).doesNotContain("Exception");
    }

    @Test
    void aChunkedBodyThatGrowsPastTheLimitIsRefused(CapturedOutput log) throws Exception {
        String code = TestRounds.newCode();
        String json = round(code);
        long size = 10L * MB + 4096;

        HttpResponse<String> api = post("/api/rounds", "officer1", "application/json",
            HttpRequest.BodyPublishers.ofInputStream(() -> body(json, size)));
        HttpResponse<String> engine = post("/engine-rest/message", "officer1", "application/json",
            HttpRequest.BodyPublishers.ofInputStream(() -> body("{\"messageName\": \"x\", \"padding\": \"", size)));

        assertThat(api.request().headers().firstValue("Content-Length")).as("sent in chunks").isEmpty();
        assertThat(api.statusCode()).isEqualTo(413);
        assertThat(errors(api)).containsExactly(TOO_LARGE);
        assertThat(engine.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(engine.body()).get("message").asText()).isEqualTo(TOO_LARGE);
        assertThat(rounds(code)).isZero();
        assertThat(log.getOut()).doesNotContain("Exception");
    }

    @Test
    void aChunkedBodyWithinTheLimitIsRegistered() throws Exception {
        String code = TestRounds.newCode();
        String json = round(code);
        long size = json.getBytes(StandardCharsets.UTF_8).length + 2L * MB; // the JSON, then blanks

        HttpResponse<String> created = post("/api/rounds", "officer1", "application/json",
            HttpRequest.BodyPublishers.ofInputStream(() -> body(json, size)));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(rounds(code)).isEqualTo(1);
    }

    @Test
    void anEngineMultipartBodyOverTheMultipartLimitIsRefusedUnread() throws Exception {
        AtomicBoolean askedForBody = new AtomicBoolean();
        String part = "--x\r\nContent-Disposition: form-data; name=\"data\"; filename=\"a.bpmn\"\r\n\r\n";

        Answer refused = announce("/engine-rest/deployment/create", "owner1", "multipart/form-data; boundary=x",
            13L * MB + 1, body(part, 13L * MB + 1), askedForBody);

        assertThat(refused.status()).isEqualTo(413);
        assertThat(JSON.readTree(refused.body()).get("message").asText())
            .isEqualTo("请求体超过13MB，未作处理，请减少内容后再提交");
        assertThat(askedForBody).isFalse();
    }

    // ------------------------------------------------------------------------------------------- headers

    @Test
    void everyApiAnswerCarriesNosniffFrameAndContentSecurityPolicyHeaders() throws Exception {
        String code = TestRounds.newCode();
        assertThat(post("/api/rounds", "officer1", "application/json", HttpRequest.BodyPublishers.ofString(round(code)))
            .statusCode()).isEqualTo(201);
        HttpResponse<String> report = get("/api/rounds/" + code + "/report.html", "chief");
        Matcher style = Pattern.compile("<style>(.*?)</style>").matcher(report.body());
        assertThat(style.find()).isTrue();
        String styleHash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
            .digest(style.group(1).getBytes(StandardCharsets.UTF_8)));
        String policy = "default-src 'none'; script-src 'self'; style-src 'self' 'sha256-" + styleHash + "'; "
            + "style-src-elem 'self' 'sha256-" + styleHash + "'; style-src-attr 'unsafe-inline'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

        for (String path : List.of("/api/rounds", "/api/dashboard", "/api/dashboard.js", "/api/dashboard.css",
            "/api/rounds/" + code + "/report.html", "/api/rounds/" + code + "/summary", "/api/openapi")) {
            for (String user : new String[] {"chief", null}) {
                HttpResponse<String> answer = get(path, user);
                assertThat(answer.statusCode()).as(path + " as " + user).isEqualTo(user == null ? 401 : 200);
                assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
                assertThat(answer.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
                assertThat(answer.headers().firstValue("Content-Security-Policy")).as(path).hasValue(policy);
            }
        }
    }

    @Test
    void theDashboardRunsUnderItsPolicyWithoutInlineScriptOrStyle() throws Exception {
        HttpResponse<String> page = get("/api/dashboard", "chief");

        assertThat(page.body()).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>")
            .doesNotContain("<style").doesNotContainPattern("\\son[a-z]+=").doesNotContain("style=\"");
        assertThat(page.body()).contains("<script src=\"/webjars/echarts/5.3.1/dist/echarts.min.js\"></script>")
            .contains("<script src=\"/api/dashboard.js\"></script>")
            .contains("<link rel=\"stylesheet\" href=\"/api/dashboard.css\">");
        HttpResponse<String> script = get("/api/dashboard.js", "chief");
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript;charset=UTF-8");
        assertThat(script.body()).contains("echarts.init").contains("fetch('/api/rounds'");
        assertThat(get("/api/dashboard.css", "chief").headers().firstValue("Content-Type"))
            .hasValue("text/css;charset=UTF-8");
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (user != null) {
            request.header("Authorization", basicAuth(user, "demo"));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
