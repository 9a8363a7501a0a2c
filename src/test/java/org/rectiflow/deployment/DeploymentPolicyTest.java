package org.rectiflow.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rectiflow.support.ModelerDeployments;
import org.rectiflow.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A deploy cannot run arbitrary code (issue 13): through the Modeler's path ({@code POST
 * /engine-rest/deployment/create} as the process owner) a diagram with a script, a foreign class, a delegate that
 * is not the application's, or an expression that reaches anything but variables and the application's diagram
 * functions is refused with 400 naming the element and the expression, and nothing of the deployment is kept;
 * every shipped diagram and form still deploys.
 */
class DeploymentPolicyTest extends WebTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEAD = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs" targetNamespace="http://rectiflow.org/test">
          <bpmn:process id="attack" name="攻击" isExecutable="true" camunda:historyTimeToLive="1">
            <bpmn:startEvent id="startEvent_attack">
              <bpmn:timerEventDefinition><bpmn:timeCycle>R/PT1S</bpmn:timeCycle></bpmn:timerEventDefinition>
            </bpmn:startEvent>
            <bpmn:sequenceFlow id="flow_1" sourceRef="startEvent_attack" targetRef="task_attack" />
        """;
    private static final String TAIL = """
            <bpmn:sequenceFlow id="flow_2" sourceRef="task_attack" targetRef="endEvent_attack" />
            <bpmn:endEvent id="endEvent_attack" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    @Autowired RepositoryService repositoryService;

    private final List<String> deployments = new ArrayList<>();

    @AfterEach
    void removeWhatWasDeployed() {
        deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
    }

    private static String diagram(String task) {
        return HEAD + task + TAIL;
    }

    @Test
    void aServiceTaskReachingTheRuntimeThroughReflectionIsRefusedAndNothingRuns() throws Exception {
        Path marker = Files.createTempFile("rectiflow-deploy-", ".marker");
        Files.delete(marker);
        String expression = "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null)"
            + ".exec('touch " + marker + "')}";
        long before = repositoryService.createDeploymentQuery().count();

        HttpResponse<String> answer = deploy(Map.of("attack.bpmn", diagram(
            "<bpmn:serviceTask id=\"task_attack\" camunda:expression=\"" + expression + "\" />")));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("部署未通过安全检查，未部署任何内容")
            .contains("元素 task_attack 的 expression=").contains("不允许调用方法 getClass");
        assertThat(JSON.readTree(answer.body()).path("details").path("attack.bpmn").path("errors").get(0)
            .path("mainElementId").asText()).isEqualTo("task_attack");
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("attack").count()).isZero();
        assertThat(marker).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        script task             | <bpmn:scriptTask id="task_attack" scriptFormat="javascript"><bpmn:script>java.lang.Runtime.getRuntime()</bpmn:script></bpmn:scriptTask> | 不允许 scriptTask
        script listener         | <bpmn:task id="task_attack"><bpmn:extensionElements><camunda:executionListener event="start"><camunda:script scriptFormat="groovy">1</camunda:script></camunda:executionListener></bpmn:extensionElements></bpmn:task> | 不允许 camunda:script
        script input            | <bpmn:task id="task_attack"><bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name="x"><camunda:script scriptFormat="groovy">1</camunda:script></camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:task> | 不允许 camunda:script
        foreign class           | <bpmn:serviceTask id="task_attack" camunda:class="java.lang.ProcessBuilder" /> | 只能使用本系统（org.rectiflow.）的类
        listener class          | <bpmn:task id="task_attack"><bpmn:extensionElements><camunda:executionListener class="java.lang.ProcessBuilder" event="start" /></bpmn:extensionElements></bpmn:task> | 只能使用本系统（org.rectiflow.）的类
        listener delegate       | <bpmn:userTask id="task_attack"><bpmn:extensionElements><camunda:taskListener delegateExpression="${dataSource}" event="create" /></bpmn:extensionElements></bpmn:userTask> | 委托表达式只能是 ${bean} 的形式
        listener expression     | <bpmn:task id="task_attack"><bpmn:extensionElements><camunda:executionListener expression="${environment.getProperty('x')}" event="end" /></bpmn:extensionElements></bpmn:task> | 不允许调用方法 getProperty
        another bean            | <bpmn:serviceTask id="task_attack" camunda:delegateExpression="${dataSource}" /> | 委托表达式只能是 ${bean} 的形式
        a delegate's method     | <bpmn:serviceTask id="task_attack" camunda:delegateExpression="${startMeasureDelegate.getClass()}" /> | 委托表达式只能是 ${bean} 的形式
        environment             | <bpmn:serviceTask id="task_attack" camunda:expression="${environment.getProperty('spring.datasource.password')}" /> | 不允许调用方法 getProperty
        engine services         | <bpmn:serviceTask id="task_attack" camunda:expression="${execution.processEngineServices}" /> | 不允许读取对象的属性（processEngineServices）
        a variable's method     | <bpmn:serviceTask id="task_attack" camunda:expression="${roundCode.getClass()}" /> | 不允许调用方法 getClass
        a function's class      | <bpmn:serviceTask id="task_attack" camunda:expression="${escalationLadder.getClass()}" /> | 不允许调用 escalationLadder.getClass
        an unknown function     | <bpmn:serviceTask id="task_attack" camunda:expression="${inspectionRounds.register(null)}" /> | 不允许调用 inspectionRounds.register
        a foreign EL function   | <bpmn:serviceTask id="task_attack" camunda:expression="${dateTime()}" /> | 不允许调用函数 dateTime
        a bracketed property    | <bpmn:serviceTask id="task_attack" camunda:expression="${execution['processEngine']}" /> | 不允许读取对象的属性
        external task           | <bpmn:serviceTask id="task_attack" camunda:type="external" camunda:topic="x" /> | 不支持外部任务
        connector               | <bpmn:serviceTask id="task_attack"><bpmn:extensionElements><camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></bpmn:extensionElements></bpmn:serviceTask> | 不允许 camunda:connector
        embedded form           | <bpmn:userTask id="task_attack" camunda:formKey="embedded:deployment:evil.html" /> | 不允许 camunda:formKey
        decision                | <bpmn:businessRuleTask id="task_attack" camunda:decisionRef="x" /> | 不允许 businessRuleTask
        a candidate group       | <bpmn:userTask id="task_attack" camunda:candidateGroups="${environment.getProperty('x')}" /> | 不允许调用方法 getProperty
        """)
    void codeInADiagramIsRefused(String what, String task, String message) throws Exception {
        long before = repositoryService.createDeploymentQuery().count();

        HttpResponse<String> answer = deploy(Map.of("attack.bpmn", diagram(task)));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("task_attack").contains(message);
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
    }

    @Test
    void aScriptConditionOrTimerExpressionIsRefused() throws Exception {
        String condition = HEAD + """
            <bpmn:exclusiveGateway id="task_attack" />
            <bpmn:sequenceFlow id="flow_2" sourceRef="task_attack" targetRef="endEvent_attack">
              <bpmn:conditionExpression language="groovy">true</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:endEvent id="endEvent_attack" />
          </bpmn:process>
        </bpmn:definitions>
        """;
        HttpResponse<String> answer = deploy(Map.of("attack.bpmn", condition));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("元素 flow_2 的 不允许脚本条件（language=\\\"groovy\\\"）");

        String timer = diagram("""
            <bpmn:task id="task_attack" />
            <bpmn:boundaryEvent id="timer_attack" attachedToRef="task_attack">
              <bpmn:timerEventDefinition><bpmn:timeDate>${''.getClass()}</bpmn:timeDate></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>""");
        answer = deploy(Map.of("attack.bpmn", timer));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("元素 timer_attack 的 表达式").contains("不允许调用方法 getClass");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        an external entity | <!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        entity expansion   | <!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
        """)
    void aDiagramWithADoctypeIsRefused(String what, String doctype) throws Exception {
        long before = repositoryService.createDeploymentQuery().count();
        String diagram = diagram("<bpmn:task id=\"task_attack\" />")
            .replaceFirst("(<\\?xml[^>]*\\?>)", "$1\n" + doctype);

        HttpResponse<String> answer = deploy(Map.of("attack.bpmn", diagram));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("部署未通过安全检查，未部署任何内容").contains("DOCTYPE");
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
    }

    @Test
    void onlyDiagramsAndFormsAreDeployedAndABadResourceStopsTheWholeDeployment() throws Exception {
        long before = repositoryService.createDeploymentQuery().count();
        Map<String, String> resources = new LinkedHashMap<>();
        resources.put("plan-draft.form", Files.readString(Path.of("forms/plan-draft.form")));
        resources.put("rules.dmn", "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"d\" "
            + "name=\"d\" namespace=\"x\"/>");

        HttpResponse<String> answer = deploy(resources);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("资源 rules.dmn 不能部署：只接受 BPMN 流程图（.bpmn）和 Camunda 表单（.form）");
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
    }

    @Test
    void everyShippedDiagramAndFormDeploysThroughTheModelersPath() throws Exception {
        Map<String, String> resources = new LinkedHashMap<>();
        try (Stream<Path> files = Stream.concat(Files.list(Path.of("processes")), Files.list(Path.of("forms")))) {
            for (Path file : files.sorted().toList()) {
                resources.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        resources.replaceAll((name, content) -> name.endsWith(".bpmn") ? content.replace("camunda:historyTimeToLive",
            "camunda:versionTag=\"modeler-check\" camunda:historyTimeToLive") : content);

        HttpResponse<String> answer = deploy(resources);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).path("deployedProcessDefinitions").size()).isEqualTo(5);
    }

    /** The multipart body the Modeler posts, as the process owner. */
    private HttpResponse<String> deploy(Map<String, String> resources) throws Exception {
        HttpResponse<String> answer = ModelerDeployments.deploy(port, "policy-check", resources);
        if (answer.statusCode() == 200) {
            deployments.add(JSON.readTree(answer.body()).get("id").asText());
        }
        return answer;
    }
}
