package org.rectiflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rectiflow.inspection.InspectionRoundService;
import org.rectiflow.inspection.RoundRegistration;
import org.rectiflow.measure.MeasureKind;
import org.rectiflow.support.TestRounds;
import org.rectiflow.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The figures published reports print, in {@code GET /api/rounds/{code}/summary}, for a round whose outcomes are
 * known: problems fed back, measures, rectified, basically done and continuing, not done, and the completion rate
 * in percent to two decimals, for the round, each unit and the key group.
 */
class RoundFiguresApiTest extends WebTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired InspectionRoundService rounds;
    @Autowired JdbcClient jdbc;

    private JsonNode summary(String code, String user) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/rounds/" + code + "/summary"))
            .header("Authorization", basicAuth(user, "demo")).header("Accept", "application/json").GET().build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static RoundRegistration.Measure measure(String unit, LocalDate today) {
        return new RoundRegistration.Measure("测试整改措施：" + unit, unit, TestRounds.LEADER, today.plusDays(60),
            MeasureKind.LONG_TERM);
    }

    /** Sets a measure's status and outcome as its path through the diagram would have left them. */
    private void set(String code, int problem, int seq, String status, String outcome) {
        jdbc.sql("""
                UPDATE measure SET status = ?, outcome = ?, closed_at = ?
                WHERE code = ?""")
            .params(status, outcome, status.equals("SIGNED_OFF") || status.equals("NORMAL_MANAGEMENT")
                ? new Timestamp(System.currentTimeMillis()) : null, RoundRegistration.measureCode(code, problem, seq))
            .update();
    }

    @Test
    void theSummaryCountsProblemsAndMeasuresByOutcomeWithTheCompletionRateToTwoDecimals() throws Exception {
        String code = TestRounds.newCode();
        LocalDate today = LocalDate.now();
        RoundRegistration base = TestRounds.round(code, today, MeasureKind.LONG_TERM, 60);
        rounds.register(new RoundRegistration(code, base.title(), base.inspectionGroup(),
            base.inspectedOrganisation(), null, null, null, base.feedbackDate(), base.registeredOn(),
            List.of(new RoundRegistration.Category(1, "测试方面", List.of(
                new RoundRegistration.Problem(1, "问题一", TestRounds.KEY_GROUP,
                    List.of(measure("siming", today), measure("haicang", today))),
                new RoundRegistration.Problem(2, "问题二", TestRounds.KEY_GROUP,
                    List.of(measure("siming", today), measure("haicang", today))),
                new RoundRegistration.Problem(3, "问题三", TestRounds.KEY_GROUP,
                    List.of(measure("siming", today), measure("siming", today), measure("haicang", today),
                        measure("haicang", today))))))));
        // problem 1: both rectified; problem 2: rectified + basically done; problem 3: not done, rectified, two open
        set(code, 1, 1, "SIGNED_OFF", "RECTIFIED");
        set(code, 1, 2, "SIGNED_OFF", "RECTIFIED");
        set(code, 2, 1, "SIGNED_OFF", "RECTIFIED");
        set(code, 2, 2, "NORMAL_MANAGEMENT", "BASICALLY_DONE");
        set(code, 3, 1, "IN_PROGRESS", "NOT_DONE");
        set(code, 3, 2, "SIGNED_OFF", "RECTIFIED");
        set(code, 3, 3, "IN_PROGRESS", "IN_PROGRESS");

        JsonNode office = summary(code, "chief");
        JsonNode measures = office.get("measures");
        assertThat(measures.get("total").asInt()).isEqualTo(8);
        assertThat(measures.get("closed").asInt()).isEqualTo(5);
        assertThat(measures.get("rectified").asInt()).isEqualTo(4);
        assertThat(measures.get("basicallyDone").asInt()).isEqualTo(1);
        assertThat(measures.get("notDone").asInt()).isEqualTo(1);
        assertThat(measures.get("inProgress").asInt()).isEqualTo(2);
        assertThat(measures.get("completionRatePercent").asText()).as("(4 + 1) / 8").isEqualTo("62.50");
        assertThat(measures.get("completionRate").asDouble()).as("kept, the same ratio").isEqualTo(0.625);
        JsonNode problems = office.get("problems");
        assertThat(problems.get("total").asInt()).isEqualTo(3);
        assertThat(problems.get("rectified").asInt()).isEqualTo(1);
        assertThat(problems.get("basicallyDone").asInt()).isEqualTo(1);
        assertThat(problems.get("notDone").asInt()).isEqualTo(1);
        assertThat(problems.get("inProgress").asInt()).isZero();
        assertThat(problems.get("completionRatePercent").asText()).isEqualTo("66.67");

        JsonNode siming = unit(office, "siming");
        assertThat(siming.get("total").asInt()).isEqualTo(4);
        assertThat(siming.get("rectified").asInt()).isEqualTo(3);
        assertThat(siming.get("notDone").asInt()).isEqualTo(1);
        assertThat(siming.get("completionRatePercent").asText()).isEqualTo("75.00");
        assertThat(siming.at("/problems/total").asInt()).isEqualTo(3);
        assertThat(siming.at("/problems/rectified").asInt()).isEqualTo(2);
        assertThat(siming.at("/problems/notDone").asInt()).isEqualTo(1);
        JsonNode haicang = unit(office, "haicang");
        assertThat(haicang.get("completionRatePercent").asText()).as("(1 + 1) / 4").isEqualTo("50.00");
        assertThat(haicang.at("/problems/basicallyDone").asInt()).isEqualTo(1);
        assertThat(haicang.at("/problems/inProgress").asInt()).isEqualTo(1);
        JsonNode group = office.get("keyGroups").get(0);
        assertThat(group.get("completionRatePercent").asText()).isEqualTo("62.50");
        assertThat(group.at("/problems/total").asInt()).isEqualTo(3);

        JsonNode own = summary(code, "simingLiaison");
        assertThat(own.at("/measures/completionRatePercent").asText()).isEqualTo("75.00");
        assertThat(own.at("/problems/total").asInt()).as("its problems, by its own measures").isEqualTo(3);
        assertThat(own.at("/problems/notDone").asInt()).isEqualTo(1);
    }

    private static JsonNode unit(JsonNode summary, String code) {
        for (JsonNode unit : summary.get("units")) {
            if (unit.get("code").asText().equals(code)) {
                return unit;
            }
        }
        throw new AssertionError("no unit " + code + " in " + summary.get("units"));
    }
}
