package org.rectiflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.rectiflow.inspection.InspectionRoundProcess;
import org.rectiflow.inspection.RoundRegistration;
import org.rectiflow.inspection.RoundRepository;
import org.rectiflow.measure.MeasureKind;
import org.rectiflow.support.TestRounds;
import org.rectiflow.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** {@code POST /api/rounds} (JSON) and {@code GET /api/rounds/{code}/summary}, as their users call them. */
class RoundApiTest extends WebTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);


    /** The office's zone, whose day the server counts deadlines from. */
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired JdbcClient jdbc;
    @Autowired RuntimeService runtimeService;
    @Autowired RoundRepository roundRepository;

    private HttpResponse<String> call(String method, String path, String user, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", basicAuth(user, "demo"));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The errors of a refused registration. */
    private static List<String> errors(HttpResponse<String> refused) throws Exception {
        return JSON.readerForListOf(String.class).readValue(JSON.readTree(refused.body()).get("errors"));
    }

    /** A round of one measure, its feedback and registration on {@code registeredOn}, due on {@code deadline}. */
    private static RoundRegistration round(String code, LocalDate registeredOn, LocalDate deadline, boolean historical) {
        RoundRegistration round = TestRounds.round(code, registeredOn, MeasureKind.IMMEDIATE, 0);
        RoundRegistration.Measure measure = round.categories().get(0).problems().get(0).measures().get(0);
        return new RoundRegistration(code, round.title(), round.inspectionGroup(), round.inspectedOrganisation(),
            round.inspectedShortName(), round.inspectionStart(), round.inspectionEnd(), registeredOn, registeredOn,
            List.of(new RoundRegistration.Category(1, "测试方面", List.of(new RoundRegistration.Problem(1, "测试问题",
                TestRounds.KEY_GROUP, List.of(new RoundRegistration.Measure(measure.content(), measure.unit(),
                    measure.leader(), deadline, measure.kind())))))), List.of(), historical);
    }

    private long rounds(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM inspection_round WHERE code = ?").param(code).query(Long.class).single();
    }

    @Test
    void theOfficeRegistersAFeedbackAsJsonAndItsRoundStarts() throws Exception {
        String code = TestRounds.newCode();
        String body = JSON.writeValueAsString(TestRounds.twoUnits(code, LocalDate.now()));

        HttpResponse<String> created = call("POST", "/api/rounds", "officer1", body);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode answer = JSON.readTree(created.body());
        assertThat(answer.get("code").asText()).isEqualTo(code);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(answer.get("processInstanceId").asText())
            .processDefinitionKey(InspectionRoundProcess.KEY).count()).isEqualTo(1);
        assertThat(created.headers().firstValue("Location")).contains("/api/rounds/" + code + "/summary");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM measure WHERE round_code = ?").param(code).query(Long.class).single())
            .isEqualTo(2);

        HttpResponse<String> again = call("POST", "/api/rounds", "officer1", body);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("轮次编号 " + code + " 已登记，不能再次登记");
    }

    @Test
    void aBadFeedbackGets400ListingEveryErrorAndNothingIsWritten() throws Exception {
        String code = TestRounds.newCode();
        RoundRegistration good = TestRounds.round(code, LocalDate.now(), MeasureKind.IMMEDIATE, 30);
        RoundRegistration bad = new RoundRegistration(code, "", good.inspectionGroup(), good.inspectedOrganisation(),
            null, null, null, LocalDate.now(), LocalDate.now(), List.of(new RoundRegistration.Category(1, "方面",
                List.of(new RoundRegistration.Problem(1, "问题", TestRounds.KEY_GROUP, List.of(
                    new RoundRegistration.Measure("措施", "noSuchUnit", TestRounds.LEADER, LocalDate.now().minusDays(1),
                        MeasureKind.IMMEDIATE)))))));

        HttpResponse<String> refused = call("POST", "/api/rounds", "officer1", JSON.writeValueAsString(bad));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("errors")).hasSize(3);
        assertThat(refused.body()).contains("title: 不能为空")
            .contains("categories[0].problems[0].measures[0].unit: 未知单位「noSuchUnit」")
            .contains("categories[0].problems[0].measures[0].deadline");
        assertThat(rounds(code)).isZero();

        HttpResponse<String> garbage = call("POST", "/api/rounds", "officer1", "{\"code\": [1, 2");
        assertThat(garbage.statusCode()).isEqualTo(400);
    }

    @Test
    void onlyTheOfficeMayRegisterAndEveryCallNeedsALogin() throws Exception {
        String code = TestRounds.newCode();
        String body = JSON.writeValueAsString(TestRounds.round(code, LocalDate.now(), MeasureKind.IMMEDIATE, 30));

        assertThat(call("POST", "/api/rounds", null, body).statusCode()).isEqualTo(401);
        assertThat(call("POST", "/api/rounds", "simingLiaison", body).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/rounds/" + code + "/summary", null, null).statusCode()).isEqualTo(401);
        assertThat(rounds(code)).isZero();
    }

    @Test
    void theSummaryShowsTheRoundsFiguresAndAUnitOnlyItsOwn() throws Exception {
        String code = TestRounds.newCode();
        assertThat(call("POST", "/api/rounds", "officer1",
            JSON.writeValueAsString(TestRounds.twoUnits(code, LocalDate.now()))).statusCode()).isEqualTo(201);

        JsonNode office = JSON.readTree(call("GET", "/api/rounds/" + code + "/summary", "chief", null).body());
        assertThat(office.at("/measures/total").asInt()).isEqualTo(2);
        assertThat(office.at("/measures/byStatus/REGISTERED").asInt()).isEqualTo(2);
        assertThat(office.get("units").findValuesAsText("code")).containsExactlyInAnyOrder("siming", "haicang");
        assertThat(office.get("units").findValuesAsText("colour")).containsOnly("GREEN");
        assertThat(office.get("keyGroups").findValuesAsText("code")).containsExactly(TestRounds.KEY_GROUP);
        assertThat(office.at("/clues/petitions").asInt()).isZero();

        JsonNode unit = JSON.readTree(call("GET", "/api/rounds/" + code + "/summary", "simingLiaison", null).body());
        assertThat(unit.at("/measures/total").asInt()).isEqualTo(1);
        assertThat(unit.get("units").findValuesAsText("code")).containsExactly("siming");
        assertThat(unit.get("keyGroups")).isEmpty();
        assertThat(unit.get("clues").isNull()).isTrue();

        assertThat(call("GET", "/api/rounds/NOPE/summary", "chief", null).statusCode()).isEqualTo(404);
    }

    @Test
    void theApiIsDescribedInOpenApiBehindTheSameLogin() throws Exception {
        assertThat(call("GET", "/api/openapi", null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> docs = call("GET", "/api/openapi", "simingLiaison", null);
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode paths = JSON.readTree(docs.body()).get("paths");
        assertThat(paths.has("/api/rounds")).isTrue();
        assertThat(paths.has("/api/rounds/{code}/summary")).isTrue();
        assertThat(paths.has("/api/rounds/{code}/ledger.xlsx")).isTrue();
        assertThat(paths.has("/api/rounds/{code}/report.html")).isTrue();
        assertThat(JSON.readTree(docs.body()).at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
    }

    @Test
    void theDashboardPageAndItsChartLibraryAreServedFromTheApplication() throws Exception {
        String code = TestRounds.newCode();
        assertThat(call("POST", "/api/rounds", "officer1",
            JSON.writeValueAsString(TestRounds.twoUnits(code, LocalDate.now()))).statusCode()).isEqualTo(201);

        assertThat(call("GET", "/api/dashboard", null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> page = call("GET", "/api/dashboard", "chief", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("巡察整改看板").contains("/webjars/echarts/5.3.1/dist/echarts.min.js");
        HttpResponse<String> library = call("GET", "/webjars/echarts/5.3.1/dist/echarts.min.js", null, null);
        assertThat(library.statusCode()).isEqualTo(200);
        assertThat(library.body()).contains("echarts");

        assertThat(JSON.readTree(call("GET", "/api/rounds", "chief", null).body()).findValuesAsText("code")).contains(code);
        JsonNode summary = JSON.readTree(call("GET", "/api/rounds/" + code + "/summary", "chief", null).body());
        assertThat(summary.get("burnDown").get(0).get("open").asInt()).isEqualTo(2);
    }

    @Test
    void aRegistrationDateYearsAgoDoesNotLetDeadlinesLieBeforeToday() throws Exception {
        LocalDate today = LocalDate.now(ZONE);
        String code = TestRounds.newCode();
        LocalDate registeredOn = today.minusYears(3);
        LocalDate deadline = registeredOn.plusDays(30);

        HttpResponse<String> refused = call("POST", "/api/rounds", "officer1",
            JSON.writeValueAsString(round(code, registeredOn, deadline, false)));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(errors(refused)).containsExactly("categories[0].problems[0].measures[0].deadline: " + deadline
            + " 早于今天 " + today + "（已过的完成时限只能随历史记录登记：historical 设为 true）");
        assertThat(rounds(code)).isZero();
    }

    @Test
    void theOfficeRegistersAPastRoundAsAHistoricalRecord() throws Exception {
        LocalDate today = LocalDate.now(ZONE);
        String historical = TestRounds.newCode();
        LocalDate registeredOn = today.minusYears(3);

        HttpResponse<String> created = call("POST", "/api/rounds", "officer1",
            JSON.writeValueAsString(round(historical, registeredOn, registeredOn.plusDays(30), true)));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT historical FROM inspection_round WHERE code = ?").param(historical)
            .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT deadline FROM measure WHERE round_code = ?").param(historical)
            .query(LocalDate.class).single()).isEqualTo(registeredOn.plusDays(30));
        assertThat(roundRepository.isHistorical(historical)).isTrue();

        String current = TestRounds.newCode();
        assertThat(call("POST", "/api/rounds", "officer1",
            JSON.writeValueAsString(round(current, today, today.plusDays(30), false))).statusCode()).isEqualTo(201);
        assertThat(roundRepository.isHistorical(current)).isFalse();
        assertThat(roundRepository.isHistorical("NOSUCHROUND")).isFalse();
    }

    @Test
    void aHistoricalRoundsDeadlinesStillFollowItsFeedbackDate() throws Exception {
        LocalDate registeredOn = LocalDate.now(ZONE).minusYears(3);
        String code = TestRounds.newCode();

        HttpResponse<String> refused = call("POST", "/api/rounds", "officer1",
            JSON.writeValueAsString(round(code, registeredOn, registeredOn.minusDays(1), true)));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(errors(refused)).containsExactly("categories[0].problems[0].measures[0].deadline: "
            + registeredOn.minusDays(1) + " 早于登记日期 " + registeredOn);
        assertThat(rounds(code)).isZero();
    }

    @Test
    void aRegistrationDateInTheFutureIsRefused() throws Exception {
        LocalDate today = LocalDate.now(ZONE);
        String code = TestRounds.newCode();

        HttpResponse<String> refused = call("POST", "/api/rounds", "officer1",
            JSON.writeValueAsString(round(code, today.plusDays(5), today.plusDays(40), false)));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(errors(refused)).containsExactly("registeredOn: " + today.plusDays(5) + " 晚于今天 " + today
            + "，登记日期不能在将来");
        assertThat(rounds(code)).isZero();
    }

    @Test
    void sequenceNumbersBelowOneAreRefusedNamingTheField() throws Exception {
        LocalDate today = LocalDate.now(ZONE);
        String code = TestRounds.newCode();
        RoundRegistration good = round(code, today, today.plusDays(30), false);
        RoundRegistration.Problem problem = good.categories().get(0).problems().get(0);
        RoundRegistration bad = new RoundRegistration(code, good.title(), good.inspectionGroup(),
            good.inspectedOrganisation(), null, null, null, today, today, List.of(
                new RoundRegistration.Category(-5, "方面", List.of(
                    new RoundRegistration.Problem(0, "问题", TestRounds.KEY_GROUP, problem.measures()))),
                new RoundRegistration.Category(0, "另一方面", List.of(
                    new RoundRegistration.Problem(-1, "另一问题", TestRounds.KEY_GROUP, problem.measures())))));

        HttpResponse<String> refused = call("POST", "/api/rounds", "officer1", JSON.writeValueAsString(bad));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(errors(refused)).containsExactly(
            "categories[0].seq: 方面序号应在1至5000之间，而非 -5",
            "categories[0].problems[0].seq: 问题序号应在1至5000之间，而非 0",
            "categories[1].seq: 方面序号应在1至5000之间，而非 0",
            "categories[1].problems[0].seq: 问题序号应在1至5000之间，而非 -1");
        assertThat(rounds(code)).isZero();
    }

    /** The JSON door follows the same rules as the workbook's ({@code RoundRules}): here, the inspection's dates. */
    @Test
    void anInspectionEndingBeforeItStartedIsRefusedAsInTheWorkbook() throws Exception {
        LocalDate today = LocalDate.now(ZONE);
        String code = TestRounds.newCode();
        RoundRegistration good = round(code, today, today.plusDays(30), false);
        RoundRegistration bad = new RoundRegistration(code, good.title(), good.inspectionGroup(),
            good.inspectedOrganisation(), null, today.minusDays(10), today.minusDays(20), today, today,
            good.categories());

        HttpResponse<String> refused = call("POST", "/api/rounds", "officer1", JSON.writeValueAsString(bad));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(errors(refused)).containsExactly("inspectionEnd: " + today.minusDays(20) + " 早于巡察开始 "
            + today.minusDays(10));
        assertThat(rounds(code)).isZero();
    }

    /** A valid registration as JSON text, with one part of it replaced. */
    private static String json(String code, String from, String to) throws Exception {
        LocalDate today = LocalDate.now(ZONE);
        String json = JSON.writeValueAsString(round(code, today, today.plusDays(30), false));
        assertThat(json).contains(from);
        return json.replace(from, to);
    }

    @Test
    void aValueOfTheWrongTypeNamesItsFieldInPlainWords() throws Exception {
        String code = TestRounds.newCode();
        List<String[]> cases = List.of(
            new String[] {"\"seq\":1,\"title\":\"测试方面\"", "\"seq\":\"abc\",\"title\":\"测试方面\"",
                "categories[0].seq: 应为整数，而非「abc」"},
            new String[] {"\"seq\":1,\"title\":\"测试方面\"", "\"seq\":99999999999,\"title\":\"测试方面\"",
                "categories[0].seq: 应为整数，而非「99999999999」（超出范围）"},
            new String[] {"\"categories\":[", "\"categories\":{\"a\":1},\"x\":[",
                "categories: 应为列表（[…]），而非对象"},
            new String[] {"\"kind\":\"IMMEDIATE\"", "\"kind\":\"SOON\"",
                "categories[0].problems[0].measures[0].kind: 应为以下之一：IMMEDIATE、LONG_TERM，而非「SOON」"},
            new String[] {"\"title\":\"测试巡察\"", "\"title\":{\"zh\":\"测试巡察\"}",
                "title: 应为文本，而非对象"},
            new String[] {"\"historical\":false", "\"historical\":\"ja\"",
                "historical: 应为 true 或 false，而非「ja」"});
        for (String[] c : cases) {
            HttpResponse<String> refused = call("POST", "/api/rounds", "officer1", json(code, c[0], c[1]));

            assertThat(refused.statusCode()).as(c[1]).isEqualTo(400);
            assertThat(JSON.readTree(refused.body()).get("message").asText()).isEqualTo("请求体无法读取，未作任何更改");
            assertThat(errors(refused)).as(c[1]).containsExactly(c[2]);
            assertThat(refused.body()).doesNotContain("java.").doesNotContain("RoundRegistration").doesNotContain("`");
        }
        HttpResponse<String> badDate = call("POST", "/api/rounds", "officer1",
            json(code, "\"feedbackDate\":\"", "\"feedbackDate\":\"2026-13-45\",\"x\":\""));
        assertThat(errors(badDate)).containsExactly("feedbackDate: 应为日期（yyyy-MM-dd），而非「2026-13-45」");
        assertThat(rounds(code)).isZero();
    }

    @Test
    void brokenJsonNamesTheLineAndColumn() throws Exception {
        HttpResponse<String> cut = call("POST", "/api/rounds", "officer1", "{\"code\": \"XC1\", \"categories\": [");
        assertThat(cut.statusCode()).isEqualTo(400);
        assertThat(errors(cut)).containsExactly("JSON格式错误（第1行第32列）: 内容不完整，缺少结尾");

        HttpResponse<String> unquoted = call("POST", "/api/rounds", "officer1", "{\n  \"code\": XC2024\n}");
        assertThat(errors(unquoted)).containsExactly("JSON格式错误（第2行第18列）: 无法识别的内容「XC2024」（文本须加双引号）");

        HttpResponse<String> stray = call("POST", "/api/rounds", "officer1", "{\"code\": \"A\";}");
        assertThat(errors(stray)).containsExactly("JSON格式错误（第1行第13列）: 此处不应有字符「;」");
    }

    @Test
    void invalidUtf8InAJsonBodyIsRefusedNamingTheProblem() throws Exception {
        byte[] body = "{\"code\": \"XC\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1); // é as one byte 0xE9
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/rounds"))
            .header("Content-Type", "application/json").header("Authorization", basicAuth("officer1", "demo"))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();

        HttpResponse<String> refused = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(400);
        // the parser notices the broken sequence at the quote after it
        assertThat(errors(refused)).containsExactly("JSON格式错误（第1行第15列）: 不是有效的UTF-8编码");
    }
}
