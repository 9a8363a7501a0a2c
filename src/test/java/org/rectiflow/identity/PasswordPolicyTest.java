package org.rectiflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rectiflow.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The password policy as the {@code prod} profile has it (on, no demo users, an administrator from the
 * settings), called the way users reach it: the engine's REST API and the Admin webapp's API as that
 * administrator, and the organisation's users at start. A weak password is refused with 400 naming each
 * broken rule in Chinese, and nothing is stored; a strong one is accepted.
 */
@TestPropertySource(properties = {
    "camunda.bpm.generic-properties.properties.enablePasswordPolicy=true",
    "camunda.bpm.admin-user.id=xcadmin",
    "camunda.bpm.admin-user.password=Jiucuo-Zhenggai-88",
    "camunda.bpm.admin-user.first-name=系统",
    "camunda.bpm.admin-user.last-name=管理员",
    "rectiflow.organisation.users-file=",
    "rectiflow.organisation.demo-password=",
})
@ExtendWith(OutputCaptureExtension.class)
class PasswordPolicyTest extends WebTest {

    private static final String ADMIN = "xcadmin";
    private static final String ADMIN_PASSWORD = "Jiucuo-Zhenggai-88";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger IDS = new AtomicInteger();

    @Autowired IdentityService identityService;
    @Autowired OrganisationRepository organisationRepository;
    @Autowired AccessSetup accessSetup;
    @Autowired PlatformTransactionManager transactionManager;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .header("Content-Type", "application/json")
            .header("Authorization", basicAuth(ADMIN, ADMIN_PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String newUser(String id, String password) {
        return "{\"profile\":{\"id\":\"" + id + "\",\"firstName\":\"明\",\"lastName\":\"王\",\"email\":\"" + id
            + "@rectiflow.test\"},\"credentials\":{\"password\":\"" + password + "\"}}";
    }

    private static String freshId() {
        return "pw" + IDS.incrementAndGet() + "x" + (System.nanoTime() % 10_000);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Password1!", "Qwerty123!", "Welcome1!!"})
    void aShortCommonPasswordIsRefusedWith400NamingBothRules(String password, CapturedOutput output) throws Exception {
        String id = freshId();
        HttpResponse<String> created = send("POST", "/engine-rest/user/create", newUser(id, password));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(400);
        assertThat(json(created).path("type").asText()).isEqualTo("BadUserRequestException");
        assertThat(json(created).path("message").asText())
            .isEqualTo("密码至少需要12个字符；密码过于常见，容易被猜到，请换一个");
        assertThat(identityService.createUserQuery().userId(id).count()).isZero();
        assertThat(output).as("a refused password leaves no trace in the log")
            .doesNotContain("BadUserRequestException", "Password does not match policy", "密码过于常见");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Password123!", "Qwerty123456", "Welcome2024!", "P@ssw0rd2024!", "1qaz2wsx3edc"})
    void aLongButCommonPasswordIsRefusedAsCommon(String password) throws Exception {
        String id = freshId();
        HttpResponse<String> created = send("POST", "/engine-rest/user/create", newUser(id, password));

        assertThat(created.statusCode()).isEqualTo(400);
        assertThat(json(created).path("message").asText()).isEqualTo("密码过于常见，容易被猜到，请换一个");
        assertThat(identityService.createUserQuery().userId(id).count()).isZero();
    }

    @Test
    void aPasswordHoldingTheUsersIdIsRefused() throws Exception {
        HttpResponse<String> created = send("POST", "/engine-rest/user/create",
            newUser("wangming", "wangming-Jiucuo-88"));

        assertThat(created.statusCode()).isEqualTo(400);
        assertThat(json(created).path("message").asText()).isEqualTo("密码不得包含用户名、姓名或电子邮箱");
    }

    @Test
    void aStrongPasswordIsAcceptedAndLogsIn() throws Exception {
        String id = freshId();
        HttpResponse<String> created = send("POST", "/engine-rest/user/create", newUser(id, "Liaison-Siming-7"));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/engine-rest/task"))
            .header("Authorization", basicAuth(id, "Liaison-Siming-7")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
    }

    @Test
    void aWeakNewPasswordIsRefusedAndTheOldOneStays() throws Exception {
        String id = freshId();
        User user = identityService.newUser(id);
        user.setLastName("李");
        user.setPassword("Xiamen#Gongan88");
        identityService.saveUser(user);

        HttpResponse<String> changed = send("PUT", "/engine-rest/user/" + id + "/credentials",
            "{\"password\":\"Welcome1!!\",\"authenticatedUserPassword\":\"" + ADMIN_PASSWORD + "\"}");

        assertThat(changed.statusCode()).isEqualTo(400);
        assertThat(json(changed).path("message").asText())
            .isEqualTo("密码至少需要12个字符；密码过于常见，容易被猜到，请换一个");
        assertThat(identityService.checkPassword(id, "Xiamen#Gongan88")).isTrue();

        HttpResponse<String> strong = send("PUT", "/engine-rest/user/" + id + "/credentials",
            "{\"password\":\"Liaison-Siming-7\",\"authenticatedUserPassword\":\"" + ADMIN_PASSWORD + "\"}");
        assertThat(strong.statusCode()).isEqualTo(204);
        assertThat(identityService.checkPassword(id, "Liaison-Siming-7")).isTrue();
    }

    @Test
    void theAdminWebappIsRefusedTheSameWay() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/admin/default/"))
            .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default/login/admin"))
            .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf(browser))
            .POST(HttpRequest.BodyPublishers.ofString("username=" + ADMIN + "&password=" + ADMIN_PASSWORD)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        // the login opens a new session; its CSRF token comes with the next page the webapp loads
        browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/camunda/api/engine/engine/default/user/count")).build(), HttpResponse.BodyHandlers.ofString());

        String id = freshId();
        HttpResponse<String> created = browser.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/camunda/api/engine/engine/default/user/create"))
            .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrf(browser))
            .POST(HttpRequest.BodyPublishers.ofString(newUser(id, "Password1!"), StandardCharsets.UTF_8)).build(),
            HttpResponse.BodyHandlers.ofString());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(400);
        assertThat(json(created).path("message").asText())
            .isEqualTo("密码至少需要12个字符；密码过于常见，容易被猜到，请换一个");
        assertThat(identityService.createUserQuery().userId(id).count()).isZero();
    }

    private static String csrf(HttpClient browser) {
        return ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
    }

    @Test
    void theAdminWebappGetsTheRulesAndChecksAsYouType() throws Exception {
        HttpResponse<String> policy = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/engine-rest/identity/password-policy"))
            .header("Authorization", basicAuth(ADMIN, ADMIN_PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(policy.statusCode()).isEqualTo(200);
        JsonNode rules = json(policy).path("rules");
        assertThat(rules).extracting(rule -> rule.path("placeholder").asText())
            .containsExactly("PASSWORD_POLICY_LENGTH", "PASSWORD_POLICY_COMMON", "PASSWORD_POLICY_USER_DATA");
        assertThat(rules.get(0).path("parameter").path("minLength").asText()).isEqualTo("12");

        HttpResponse<String> check = send("POST", "/engine-rest/identity/password-policy",
            "{\"password\":\"Password1!\",\"profile\":{\"id\":\"someone\"}}");
        assertThat(check.statusCode()).isEqualTo(200);
        assertThat(json(check).path("valid").asBoolean()).isFalse();
        assertThat(json(check).path("rules")).filteredOn(rule -> !rule.path("valid").asBoolean())
            .extracting(rule -> rule.path("placeholder").asText())
            .containsExactly("PASSWORD_POLICY_LENGTH", "PASSWORD_POLICY_COMMON");
    }

    @Test
    void theOrganisationsUsersGetNoPasswordBelowThePolicy() {
        ClassPathResource organisation = new ClassPathResource("organisation/organisation.yml");
        ByteArrayResource users = new ByteArrayResource("""
            users:
              - {id: zhangsan, familyName: 张, givenName: 三, groups: [office]}
            """.getBytes(StandardCharsets.UTF_8), "test-users.yml");

        assertThatThrownBy(() -> loader("Password1!").load(organisation, users))
            .isInstanceOf(OrganisationException.class)
            .satisfies(e -> assertThat(((OrganisationException) e).errors()).containsExactly(
                "rectiflow.organisation.demo-password: 密码至少需要12个字符；密码过于常见，容易被猜到，请换一个"));
        assertThatThrownBy(() -> loader("zhangsan-Jiucuo-88").load(organisation, users))
            .isInstanceOf(OrganisationException.class)
            .satisfies(e -> assertThat(((OrganisationException) e).errors()).containsExactly(
                "users[0] (zhangsan): rectiflow.organisation.demo-password: 密码不得包含用户名、姓名或电子邮箱"));
        assertThat(identityService.createUserQuery().userId("zhangsan").count()).isZero();

        loader("Liaison-Siming-7").load(organisation, users);
        assertThat(identityService.checkPassword("zhangsan", "Liaison-Siming-7")).isTrue();
        identityService.deleteUser("zhangsan");
    }

    private OrganisationLoader loader(String password) {
        return new OrganisationLoader(new OrganisationProperties(null, null, password), organisationRepository,
            identityService, accessSetup, transactionManager, processEngine);
    }
}
