package org.rectiflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rectiflow.demo.RoundWalkthrough;
import org.rectiflow.inspection.InspectionRoundService;
import org.rectiflow.support.TestRounds;
import org.rectiflow.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code /api} accepts the user logged into the webapps (their session cookie, as a script in the Tasklist sends
 * it), judged by Camunda's own classes: the login's cache time, the default engine, the CSRF token of an unsafe
 * method. HTTP Basic works as before, and a call with neither gets 401.
 */
class WebappSessionApiTest extends WebTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Camunda's default cache time of a webapps login (camunda.bpm.webapp.auth.cache.time-to-live). */
    private static final long LOGIN_CACHE_MILLIS = 5 * 60 * 1000;

    @Autowired InspectionRoundService rounds;
    @Autowired RoundWalkthrough walkthrough;
    @Autowired IdentityService identityService;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    /** A round of two units brought to the units' work; its code (思明分局's measure -01-01, 海沧分局's -01-02). */
    private String round() {
        String code = TestRounds.newCode();
        rounds.register(TestRounds.twoUnits(code, LocalDate.now()));
        walkthrough.holdMeeting(code, LocalDate.now(), "领导小组会议", "班子成员", "部署整改");
        walkthrough.approvePlan(code, "整改方案", "无");
        walkthrough.approveUnitPlans(code);
        return code;
    }

    @Test
    void aSessionReadsTheApiAsItsUser() throws Exception {
        String round = round();
        Browser liaison = Browser.loggedIn(this, "simingLiaison");
        HttpResponse<String> own = liaison.get("/api/measures/" + round + "-01-01/evidence");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(own.body()).isEqualTo("[]");
        HttpResponse<String> other = liaison.get("/api/measures/" + round + "-01-02/evidence");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(message(other)).isEqualTo("无权查看措施" + round + "-01-02的佐证材料");
    }

    @Test
    void anUnsafeCallOfASessionNeedsTheSessionsCsrfToken() throws Exception {
        String measure = round() + "-01-01";

        Browser noToken = Browser.loggedIn(this, "simingLiaison");
        HttpResponse<String> without = noToken.upload(measure, null);
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(without.headers().firstValue("X-XSRF-TOKEN")).contains("Required");
        assertThat(message(without))
            .isEqualTo("缺少请求头X-XSRF-TOKEN（Tasklist登录会话的防跨站令牌），请求已拒绝；请重新登录后再试");
        // as Camunda's CSRF filter does, the refused session is over
        assertThat(noToken.get("/api/measures/" + measure + "/evidence").statusCode()).isEqualTo(401);

        Browser wrongToken = Browser.loggedIn(this, "simingLiaison");
        HttpResponse<String> wrong = wrongToken.upload(measure, "0123456789ABCDEF0123456789ABCDEF");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(message(wrong))
            .isEqualTo("请求头X-XSRF-TOKEN（Tasklist登录会话的防跨站令牌）不正确，请求已拒绝；请重新登录后再试");
        assertThat(wrongToken.get("/api/measures/" + measure + "/evidence").statusCode()).isEqualTo(401);

        // nothing was stored by the refused calls
        assertThat(Browser.loggedIn(this, "simingLiaison").get("/api/measures/" + measure + "/evidence").body())
            .isEqualTo("[]");

        Browser rightToken = Browser.loggedIn(this, "simingLiaison");
        HttpResponse<String> right = rightToken.upload(measure, rightToken.csrf());
        assertThat(right.statusCode()).as(right.body()).isEqualTo(201);
        assertThat(JSON.readTree(right.body()).get("uploadedBy").asText()).isEqualTo("simingLiaison");
        long id = JSON.readTree(right.body()).get("id").asLong();
        HttpResponse<String> removed = rightToken.send("DELETE", "/api/measures/" + measure + "/evidence/" + id,
            rightToken.csrf());
        assertThat(removed.statusCode()).isEqualTo(204);
    }

    @Test
    void httpBasicWorksAsBeforeAndWinsOverASession() throws Exception {
        String measure = round() + "-01-01";
        HttpResponse<String> basic = plain("GET", "/api/measures/" + measure + "/evidence",
            basicAuth("simingLiaison", "demo"));
        assertThat(basic.statusCode()).isEqualTo(200);
        // (an unknown user: a wrong password would hold a demo user's next login back, the engine's login delay)
        HttpResponse<String> badPassword = plain("GET", "/api/measures/" + measure + "/evidence",
            basicAuth("nobody", "wrong"));
        assertThat(badPassword.statusCode()).isEqualTo(401);
        assertThat(badPassword.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
            value -> assertThat(value).startsWith("Basic"));
        // an unsafe call with HTTP Basic needs no CSRF token
        HttpResponse<String> upload = Browser.multipart(this, measure, HttpClient.newHttpClient(),
            basicAuth("simingLiaison", "demo"), null);
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);

        // a wrong Basic header is refused even beside a valid session: the header decides
        Browser officer = Browser.loggedIn(this, "officer1");
        HttpResponse<String> both = officer.send(HttpRequest.newBuilder(uri("/api/measures/" + measure + "/evidence"))
            .header("Authorization", basicAuth("nobody", "wrong")).GET().build());
        assertThat(both.statusCode()).isEqualTo(401);
        // and a valid one runs as the header's user, not the session's
        HttpResponse<String> asUnit = officer.send(HttpRequest.newBuilder(uri("/api/rounds"))
            .header("Authorization", basicAuth("haicangLiaison", "demo")).GET().build());
        assertThat(asUnit.statusCode()).isEqualTo(200);
        HttpResponse<String> haicangReads = officer.send(HttpRequest.newBuilder(
                uri("/api/measures/" + measure + "/evidence"))
            .header("Authorization", basicAuth("haicangLiaison", "demo")).GET().build());
        assertThat(haicangReads.statusCode()).isEqualTo(403);
    }

    @Test
    void noSessionAnUnknownOneOrOneLoggedOutGets401() throws Exception {
        String measure = round() + "-01-01";
        assertThat(plain("GET", "/api/measures/" + measure + "/evidence", null).statusCode()).isEqualTo(401);

        HttpClient unknown = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpCookie forged = new HttpCookie("JSESSIONID", "0123456789ABCDEF0123456789ABCDEF");
        forged.setPath("/");
        forged.setVersion(0);
        ((CookieManager) unknown.cookieHandler().orElseThrow()).getCookieStore().add(uri("/"), forged);
        assertThat(unknown.send(HttpRequest.newBuilder(uri("/api/measures/" + measure + "/evidence")).GET().build(),
            HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);

        Browser browser = Browser.loggedIn(this, "simingLiaison");
        assertThat(browser.get("/api/measures/" + measure + "/evidence").statusCode()).isEqualTo(200);
        HttpResponse<String> logout = browser.send("POST", "/camunda/api/admin/auth/user/default/logout",
            browser.csrf());
        assertThat(logout.statusCode()).isEqualTo(200);
        assertThat(browser.get("/api/measures/" + measure + "/evidence").statusCode()).isEqualTo(401);
    }

    @Test
    void theSessionsGroupsAreTheEnginesAsCamundasLoginCacheRefreshesThem() throws Exception {
        String round = round();
        String userId = "session" + System.nanoTime();
        User user = identityService.newUser(userId);
        user.setFirstName("会话");
        user.setLastName("测");
        user.setPassword("demo");
        identityService.saveUser(user);
        identityService.createMembership(userId, "siming");
        String haicangMeasure = "/api/measures/" + round + "-01-02/evidence";
        try {
            Browser browser = Browser.loggedIn(this, userId);
            assertThat(browser.get("/api/measures/" + round + "-01-01/evidence").statusCode()).isEqualTo(200);
            assertThat(browser.get(haicangMeasure).statusCode()).isEqualTo(403);

            identityService.createMembership(userId, "haicang");
            // within the login's cache time the session keeps the groups of its login, as in the webapps
            assertThat(browser.get(haicangMeasure).statusCode()).isEqualTo(403);
            ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + LOGIN_CACHE_MILLIS + 60_000));
            assertThat(browser.get(haicangMeasure).statusCode()).isEqualTo(200);

            // a user deleted meanwhile loses the session's login once the cache time has passed again
            identityService.deleteUser(userId);
            ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 2 * LOGIN_CACHE_MILLIS + 120_000));
            assertThat(browser.get(haicangMeasure).statusCode()).isEqualTo(401);
        } finally {
            ClockUtil.reset();
            identityService.deleteMembership(userId, "siming");
            identityService.deleteMembership(userId, "haicang");
            identityService.deleteUser(userId);
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> plain(String method, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method,
            HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(
            StandardCharsets.UTF_8));
    }

    private static String message(HttpResponse<String> response) throws Exception {
        JsonNode body = JSON.readTree(response.body());
        return body.get("message").asText();
    }

    /** A browser logged into the Tasklist: its cookies (the session and Camunda's XSRF-TOKEN). */
    private record Browser(WebappSessionApiTest test, HttpClient client) {

        static Browser loggedIn(WebappSessionApiTest test, String user) throws Exception {
            Browser browser = new Browser(test, HttpClient.newBuilder().cookieHandler(new CookieManager()).build());
            browser.get("/camunda/app/tasklist/default/");
            HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
                    test.uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", browser.csrf())
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build());
            assertThat(login.statusCode()).as("login of " + user).isEqualTo(200);
            // the Tasklist's first call after the login: the new session gets its token
            assertThat(browser.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(200);
            return browser;
        }

        String csrf() {
            List<HttpCookie> cookies = ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore()
                .getCookies();
            return cookies.stream().filter(c -> c.getName().equals("XSRF-TOKEN")).reduce((first, last) -> last)
                .orElseThrow().getValue();
        }

        HttpResponse<String> get(String path) throws Exception {
            return send(HttpRequest.newBuilder(test.uri(path)).header("Accept", "application/json").GET().build());
        }

        HttpResponse<String> send(String method, String path, String token) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(test.uri(path)).method(method,
                HttpRequest.BodyPublishers.noBody());
            if (token != null) {
                request.header("X-XSRF-TOKEN", token);
            }
            return send(request.build());
        }

        HttpResponse<String> send(HttpRequest request) throws Exception {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        HttpResponse<String> upload(String measure, String token) throws Exception {
            return multipart(test, measure, client, null, token);
        }

        static HttpResponse<String> multipart(WebappSessionApiTest test, String measure, HttpClient client,
                                              String authorization, String token) throws Exception {
            String boundary = "----rectiflow" + System.nanoTime();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"通知.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n%xxxxxxxx\n%%EOF\n\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
            HttpRequest.Builder request = HttpRequest.newBuilder(test.uri("/api/measures/" + measure + "/evidence"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            if (token != null) {
                request.header("X-XSRF-TOKEN", token);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }
}
