package org.rectiflow.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rectiflow.demo.RoundWalkthrough;
import org.rectiflow.inspection.InspectionRoundService;
import org.rectiflow.inspection.RoundRegistration;
import org.rectiflow.measure.MeasureExecutionProcess;
import org.rectiflow.measure.MeasureKind;
import org.rectiflow.support.TestRounds;
import org.rectiflow.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Modeler's Deploy button, as the Modeler sends it ({@code POST /engine-rest/deployment/create}, multipart,
 * with {@code deploy-changed-only}): the process owner's changed diagram becomes a new version that new
 * measures run on; the same diagram again makes no version; anyone else is refused.
 */
class ModelerRedeployTest extends WebTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NEW_NAME = "单位整改并报告（含佐证材料）";

    @Autowired RepositoryService repositoryService;
    @Autowired TaskService taskService;
    @Autowired InspectionRoundService rounds;
    @Autowired RoundWalkthrough walkthrough;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> deployments = new ArrayList<>();

    @AfterEach
    void removeTheModelersDeployments() {
        deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
    }

    /** The multipart body the Modeler posts: name, source, changed-only, and the diagram. */
    private HttpResponse<String> deployAsTheModelerDoes(String user, String diagram) throws Exception {
        String boundary = "----modeler" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        field(body, boundary, "deployment-name", "measure-execution");
        field(body, boundary, "deployment-source", "Camunda Modeler");
        field(body, boundary, "deploy-changed-only", "true");
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"measure-execution.bpmn\"; "
            + "filename=\"measure-execution.bpmn\"\r\nContent-Type: text/xml\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(diagram.getBytes(StandardCharsets.UTF_8));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (user != null) {
            request.header("Authorization", basicAuth(user, "demo"));
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200) {
            deployments.add(JSON.readTree(answer.body()).get("id").asText());
        }
        return answer;
    }

    private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
            + value + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private int latestVersion() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(MeasureExecutionProcess.KEY)
            .latestVersion().singleResult().getVersion();
    }

    @Test
    void theProcessOwnersChangedDiagramBecomesTheVersionNewMeasuresRunOn() throws Exception {
        String changed = Files.readString(Path.of("processes/measure-execution.bpmn"))
            .replace("name=\"单位整改并报告\"", "name=\"" + NEW_NAME + "\"");
        int before = latestVersion();

        HttpResponse<String> deployed = deployAsTheModelerDoes("owner1", changed);

        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        JsonNode definitions = JSON.readTree(deployed.body()).get("deployedProcessDefinitions");
        assertThat(definitions.size()).isOne();
        assertThat(latestVersion()).isEqualTo(before + 1);

        HttpResponse<String> again = deployAsTheModelerDoes("owner1", changed);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("deployedProcessDefinitions").isNull()
            || JSON.readTree(again.body()).get("deployedProcessDefinitions").isEmpty())
            .as("the same diagram again makes no version").isTrue();
        assertThat(latestVersion()).isEqualTo(before + 1);

        String code = TestRounds.newCode();
        RoundRegistration round = TestRounds.round(code, LocalDate.now(), MeasureKind.IMMEDIATE, 30);
        rounds.register(round);
        walkthrough.holdMeeting(code, LocalDate.now(), "领导小组会议", "班子成员", "部署整改");
        walkthrough.approvePlan(code, "整改方案", "无");
        walkthrough.approveUnitPlans(code);
        Task task = taskService.createTaskQuery()
            .processInstanceBusinessKey(RoundRegistration.measureCode(code, 1, 1))
            .taskDefinitionKey(MeasureExecutionProcess.Elements.UNIT_RECTIFIES).singleResult();
        ProcessDefinition definition = repositoryService.getProcessDefinition(task.getProcessDefinitionId());
        assertThat(definition.getVersion()).isEqualTo(before + 1);
        assertThat(task.getName()).isEqualTo(NEW_NAME);
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/engine-rest/task/" + task.getId() + "/deployed-form"))
            .header("Authorization", basicAuth(TestRounds.LIAISON, "demo")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).as("the new version finds its form: " + form.body()).isEqualTo(200);
        assertThat(form.body()).contains("\"components\"");
        assertThat(repositoryService.createDeploymentQuery().deploymentSource("Camunda Modeler").count()).isOne();
    }

    @Test
    void onlyTheProcessOwnerMayDeploy() throws Exception {
        String diagram = Files.readString(Path.of("processes/measure-execution.bpmn"));
        int before = latestVersion();

        assertThat(deployAsTheModelerDoes(null, diagram).statusCode()).isEqualTo(401);
        HttpResponse<String> office = deployAsTheModelerDoes("officer1", diagram);
        assertThat(office.statusCode()).as(office.body()).isEqualTo(403);
        assertThat(deployAsTheModelerDoes("simingLiaison", diagram).statusCode()).isEqualTo(403);
        assertThat(latestVersion()).isEqualTo(before);
    }
}
