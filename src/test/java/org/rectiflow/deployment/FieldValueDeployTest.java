package org.rectiflow.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ParseException;
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
 * A diagram whose fields the Modeler would mark invalid is refused before it is deployed (issue 18, points 2–3):
 * a {@code camunda:field} without a value, or a templated task's field with a value its element template's pattern
 * or choices forbid, whether deployed through the Modeler's path ({@code POST /engine-rest/deployment/create}) or
 * the engine's {@code RepositoryService}; the refusal names the task and the field in Chinese and nothing is
 * deployed. The templates' defaults {@code DEFAULT} and {@code NONE} deploy.
 */
class FieldValueDeployTest extends WebTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired RepositoryService repositoryService;

    private final List<String> deployments = new ArrayList<>();

    @AfterEach
    void removeWhatWasDeployed() {
        deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
    }

    /** A diagram with one task 提醒牵头单位 of the template 督办提醒（整改措施）, its fields as given. */
    private static String diagram(String step, String offsetDays, String groups, String template) {
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs" targetNamespace="http://rectiflow.org/test">
              <bpmn:process id="fieldCheck" name="字段检查" isExecutable="true" camunda:historyTimeToLive="1">
                <bpmn:startEvent id="startEvent_fieldCheck" />
                <bpmn:sequenceFlow id="flow_1" sourceRef="startEvent_fieldCheck" targetRef="serviceTask_remindLead" />
                <bpmn:serviceTask id="serviceTask_remindLead" name="提醒牵头单位" %s camunda:delegateExpression="${escalateMeasureDelegate}">
                  <bpmn:extensionElements>
                    <camunda:field name="step"><camunda:string>%s</camunda:string></camunda:field>
                    %s
                    <camunda:field name="notifyUnitRoles"><camunda:string>LIAISON</camunda:string></camunda:field>
                    %s
                    <camunda:field name="subject"><camunda:string>【提醒】{measureCode}</camunda:string></camunda:field>
                    <camunda:field name="body"><camunda:string>{measure}的完成时限为{deadline}。</camunda:string></camunda:field>
                  </bpmn:extensionElements>
                </bpmn:serviceTask>
                <bpmn:sequenceFlow id="flow_2" sourceRef="serviceTask_remindLead" targetRef="endEvent_fieldCheck" />
                <bpmn:endEvent id="endEvent_fieldCheck" />
              </bpmn:process>
            </bpmn:definitions>
            """.formatted(template, step, offsetDays, groups);
    }

    private static final String TEMPLATE = "camunda:modelerTemplate=\"rectiflow.escalateMeasure\" "
        + "camunda:modelerTemplateVersion=\"1\"";

    private static String days(String value) {
        return "<camunda:field name=\"offsetDays\"><camunda:string>" + value + "</camunda:string></camunda:field>";
    }

    private static String groups(String value) {
        return "<camunda:field name=\"notifyGroups\"><camunda:string>" + value + "</camunda:string></camunda:field>";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        offsetDays without a value   | AMBER  | <camunda:field name="offsetDays" />                                | NONE                | 任务「提醒牵头单位」（serviceTask_remindLead）的字段 offsetDays 没有取值：请填写 DEFAULT（按配置）或整数天数，例如 -5（之前）或 45（之后）
        notifyGroups blank           | AMBER  | <camunda:field name="offsetDays" stringValue="DEFAULT" />          | '  '                | 任务「提醒牵头单位」（serviceTask_remindLead）的字段 notifyGroups 没有取值：请填写逗号分隔的组标识（字母和数字），例如 supervision,leadinggroup；不通知任何组请填 NONE
        offsetDays not a number      | AMBER  | <camunda:field name="offsetDays" stringValue="five" />             | NONE                | 任务「提醒牵头单位」（serviceTask_remindLead）的字段 offsetDays（提醒时点（相对完成时限的天数））的取值「five」不符合模板「督办提醒（整改措施）」的要求：请填写 DEFAULT（按配置）或整数天数，例如 -5（之前）或 45（之后）
        notifyGroups with a semicolon| AMBER  | <camunda:field name="offsetDays" stringValue="-5" />               | supervision;office  | 任务「提醒牵头单位」（serviceTask_remindLead）的字段 notifyGroups（通知工作组）的取值「supervision;office」不符合模板「督办提醒（整改措施）」的要求：请填写逗号分隔的组标识（字母和数字），例如 supervision,leadinggroup；不通知任何组请填 NONE
        step not one of its choices  | PURPLE | <camunda:field name="offsetDays" stringValue="DEFAULT" />          | NONE                | 任务「提醒牵头单位」（serviceTask_remindLead）的字段 step（督办环节）的取值「PURPLE」不是模板「督办提醒（整改措施）」的选项之一：GREEN（绿色提醒（临期））、AMBER（黄色提醒（临期））、RED（红色督办提醒单（超期，周期督办））、INTERVIEW（提请约谈（超期））、REWORK（督办提醒单（责成返工））、RED_CARD（红牌警示（再次退回））
        """)
    void aFieldWithoutAValueOrWithOneItsTemplateForbidsIsRefusedThroughTheModelersPath(String what, String step,
                                                                                      String offsetDays, String groups,
                                                                                      String message) throws Exception {
        long before = repositoryService.createDeploymentQuery().count();

        HttpResponse<String> answer = deploy(diagram(step, offsetDays, groups(groups), TEMPLATE));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).path("message").asText())
            .isEqualTo("部署未通过安全检查，未部署任何内容。fieldCheck.bpmn：" + message);
        assertThat(JSON.readTree(answer.body()).path("details").path("fieldCheck.bpmn").path("errors").get(0)
            .path("mainElementId").asText()).isEqualTo("serviceTask_remindLead");
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
    }

    @Test
    void aTaskThatOnlyCallsTheTemplatesDelegateIsCheckedThroughTheRepositoryService() {
        long before = repositoryService.createDeploymentQuery().count();
        String diagram = diagram("AMBER", days("-5 days"), groups("NONE"), "");

        assertThatThrownBy(() -> repositoryService.createDeployment().addString("fieldCheck.bpmn", diagram).deploy())
            .isInstanceOf(ParseException.class)
            .hasMessageContaining("任务「提醒牵头单位」（serviceTask_remindLead）的字段 offsetDays（提醒时点（相对完成时限的天数））"
                + "的取值「-5 days」不符合模板「督办提醒（整改措施）」的要求");
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
    }

    @Test
    void aFieldWithoutAValueIsRefusedInChineseBeforeTheEngineParsesIt() {
        String diagram = diagram("AMBER", days("DEFAULT"), "<camunda:field name=\"notifyGroups\"><camunda:string />"
            + "</camunda:field>", TEMPLATE);

        assertThatThrownBy(() -> repositoryService.createDeployment().addString("fieldCheck.bpmn", diagram).deploy())
            .isInstanceOf(ParseException.class)
            .hasMessageContaining("任务「提醒牵头单位」（serviceTask_remindLead）的字段 notifyGroups 没有取值");
    }

    @Test
    void theTemplatesDefaultsAndValidValuesDeploy() throws Exception {
        HttpResponse<String> answer = deploy(diagram("GREEN", days("DEFAULT"), groups("NONE"), TEMPLATE));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);

        // the full-width space and comma a Chinese keyboard types, allowed by the patterns as the Modeler reads them
        answer = deploy(diagram("AMBER", days("\u3000-5 "), groups("supervision，leadinggroup"), TEMPLATE));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    /** The multipart body the Modeler posts, as the process owner. */
    private HttpResponse<String> deploy(String diagram) throws Exception {
        HttpResponse<String> answer = ModelerDeployments.deploy(port, "field-check", Map.of("fieldCheck.bpmn", diagram));
        if (answer.statusCode() == 200) {
            deployments.add(JSON.readTree(answer.body()).get("id").asText());
        }
        return answer;
    }
}
