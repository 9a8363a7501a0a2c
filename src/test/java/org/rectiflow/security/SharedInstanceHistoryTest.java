package org.rectiflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.rectiflow.demo.RoundWalkthrough;
import org.rectiflow.inspection.InspectionRoundProcess;
import org.rectiflow.inspection.InspectionRoundService;
import org.rectiflow.support.TestRounds;
import org.rectiflow.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A round's instance holds every unit's plan task: a unit's task there gives it no read of the instance's history,
 * where the other units' plans are (identity/SharedInstanceHistory). The office still reads it whole.
 */
@TestPropertySource(properties = "rectiflow-test.context=shared-instance-history")
class SharedInstanceHistoryTest extends WebTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired InspectionRoundService rounds;
    @Autowired RoundWalkthrough walkthrough;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;

    @Test
    void aUnitsPlanTaskInTheRoundOpensNoOtherUnitsHistory() throws Exception {
        String code = TestRounds.newCode();
        rounds.register(TestRounds.twoUnits(code, LocalDate.now()));
        walkthrough.holdMeeting(code, LocalDate.now(), "巡察整改工作领导小组第一次会议", "领导小组成员", "研究部署整改工作");
        walkthrough.approvePlan(code, "对照反馈问题，细化整改措施。", "建议明确完成时限。");
        String round = runtimeService.createProcessInstanceQuery().processDefinitionKey(InspectionRoundProcess.KEY)
            .processInstanceBusinessKey(code).singleResult().getId();
        assertThat(taskService.createTaskQuery().processInstanceId(round).taskCandidateGroup("haicang").count())
            .as("海沧分局's plan task waits in the round").isOne();

        List<JsonNode> tasks = listed("/engine-rest/task?processInstanceId=" + round, TestRounds.LIAISON);
        assertThat(tasks).as("思明分局 sees its own plan task").isNotEmpty()
            .allSatisfy(t -> assertThat(taskService.getIdentityLinksForTask(t.get("id").asText()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo(TestRounds.UNIT)));

        assertThat(listed("/engine-rest/history/variable-instance?processInstanceId=" + round, TestRounds.LIAISON))
            .as("the round's history, as 思明分局's liaison").isEmpty();
        assertThat(listed("/engine-rest/history/variable-instance?variableName=unitName&processInstanceId=" + round,
            "officer1")).as("the round's history, as the office").extracting(v -> v.path("value").asText())
            .contains("思明分局", "海沧分局");
    }

    private List<JsonNode> listed(String path, String user) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)).header("Accept", "application/json")
                .header("Authorization", basicAuth(user, "demo")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        List<JsonNode> rows = new ArrayList<>();
        JSON.readTree(response.body()).forEach(rows::add);
        return rows;
    }
}
