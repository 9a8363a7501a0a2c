package org.rectiflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rectiflow.RectiflowApplication;
import org.rectiflow.identity.RoleGroups;
import org.rectiflow.support.DefaultEngine;
import org.rectiflow.support.PostgresTestDatabase;
import org.rectiflow.support.WebTest;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application as a site runs it: the {@code prod} profile on PostgreSQL, started the way the container
 * starts it (environment settings as arguments), then called over HTTP. No demo users, the administrator from
 * the settings, the password policy on, HSTS and secure cookies, no H2 console.
 */
@Tag("postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductionProfileTest {

    private static final String ADMIN = "xcadmin";
    private static final String ADMIN_PASSWORD = "Zhenggai#2026";

    private ConfigurableApplicationContext application;
    private ProcessEngine engine;
    private int port;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void startTheProductionProfile() {
        List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=prod", "--server.port=0",
            "--rectiflow.admin.user=" + ADMIN, "--rectiflow.admin.password=" + ADMIN_PASSWORD,
            "--rectiflow.node-id=prod-test"));
        arguments.addAll(PostgresTestDatabase.datasourceArguments(PostgresTestDatabase.newDatabase()));
        application = new SpringApplicationBuilder(RectiflowApplication.class).run(arguments.toArray(String[]::new));
        port = ((WebServerApplicationContext) application).getWebServer().getPort();
        engine = application.getBean(ProcessEngine.class);
    }

    @BeforeEach
    void callThisEngine() {
        DefaultEngine.use(engine);
    }

    @AfterAll
    void stop() {
        application.close();
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (user != null) {
            request.header("Authorization", WebTest.basicAuth(user, password));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theAdministratorComesFromTheSettingsAndNoDemoUserExists() throws Exception {
        IdentityService identity = engine.getIdentityService();
        assertThat(identity.createUserQuery().list()).extracting(u -> u.getId()).containsExactly(ADMIN);
        assertThat(identity.createUserQuery().memberOfGroup(RoleGroups.ADMIN).userId(ADMIN).count()).isOne();
        assertThat(get("/engine-rest/user", ADMIN, ADMIN_PASSWORD).statusCode()).isEqualTo(200);
        assertThat(get("/engine-rest/user", "demo", "demo").statusCode()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "Password1!", "Qwerty123!", "Welcome1!!"})
    void thePasswordPolicyIsOnAndAWeakPasswordIsRefusedWith400(String password) throws Exception {
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).isEnablePasswordPolicy())
            .isTrue();
        HttpResponse<String> weak = createUser("weak", password);

        assertThat(weak.statusCode()).as(weak.body()).isEqualTo(400);
        assertThat(weak.body()).contains("密码至少需要12个字符；密码过于常见，容易被猜到，请换一个");
        assertThat(engine.getIdentityService().createUserQuery().userId("weak").count()).isZero();
    }

    @Test
    void aStrongPasswordIsAccepted() throws Exception {
        try {
            HttpResponse<String> strong = createUser("strong", "Liaison-Siming-7");

            assertThat(strong.statusCode()).as(strong.body()).isEqualTo(204);
            assertThat(get("/engine-rest/task", "strong", "Liaison-Siming-7").statusCode()).isEqualTo(200);
        } finally {
            engine.getIdentityService().deleteUser("strong");
        }
    }

    private HttpResponse<String> createUser(String id, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/user/create"))
            .header("Authorization", WebTest.basicAuth(ADMIN, ADMIN_PASSWORD))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"profile\":{\"id\":\"" + id
                + "\",\"firstName\":\"W\",\"lastName\":\"K\"},\"credentials\":{\"password\":\"" + password + "\"}}"))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyAnswerCarriesHstsAndTheHealthIsUp() throws Exception {
        HttpResponse<String> health = get("/actuator/health", null, null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"", "\"db\"", "\"jobExecutor\"", "\"processEngine\"");
        assertThat(health.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
            v -> assertThat(v).contains("max-age=31536000"));
        assertThat(get("/api/rounds", null, null).headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(get("/camunda/app/welcome/default/", null, null).headers()
            .firstValue("Strict-Transport-Security")).isPresent();
    }

    @Test
    void theWebappCookiesAreSecureAndTheLoginWorks() throws Exception {
        HttpResponse<String> page = get("/camunda/app/tasklist/default/", null, null);
        List<String> cookies = page.headers().allValues("Set-Cookie");
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN=").contains("Secure"));
        String csrf = cookie(cookies, "XSRF-TOKEN");
        String session = cookie(cookies, "JSESSIONID");

        HttpResponse<String> login = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default/login/tasklist"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-XSRF-TOKEN", csrf)
            .header("Cookie", "XSRF-TOKEN=" + csrf + (session == null ? "" : "; JSESSIONID=" + session))
            .POST(HttpRequest.BodyPublishers.ofString("username=" + ADMIN + "&password=" + ADMIN_PASSWORD))
            .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(c ->
            assertThat(c).startsWith("JSESSIONID=").contains("Secure", "HttpOnly"));
    }

    private static String cookie(List<String> setCookies, String name) {
        return setCookies.stream().filter(c -> c.startsWith(name + "=")).findFirst()
            .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
            .orElse(null);
    }

    @Test
    void noH2ConsoleAndTheAdminSetupIsClosed() throws Exception {
        assertThat(get("/h2-console", null, null).statusCode()).isEqualTo(404);
        HttpResponse<String> setup = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/camunda/api/admin/setup/default/user/create"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(
                "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"Intruder#2026\"}}"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(setup.statusCode()).isEqualTo(403);
        assertThat(engine.getIdentityService().createUserQuery().userId("intruder").count()).isZero();
    }

    @Test
    void metricsNeedAnAdministrator() throws Exception {
        assertThat(get("/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> scrape = get("/actuator/prometheus", ADMIN, ADMIN_PASSWORD);
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("rectiflow_measures_open", "rectiflow_outbox_backlog",
            "rectiflow_jobs_failed");
    }
}
