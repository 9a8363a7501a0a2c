package org.rectiflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnPlane;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rectiflow.notification.MessageSettings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every diagram and form of processes/ and forms/ deploys into a plain engine the way the Modeler's
 * Deploy button sends them, and every diagram keeps the house rules: layout for every element, meaningful
 * type-prefixed ids, a Chinese name (merging gateways aside), a form of forms/ and candidate groups on every
 * user task, an expression on every timer, a history time-to-live; every service task calls an existing
 * delegate bean through its element template, with field values that template allows; every listener and every
 * bean an expression calls exists.
 */
class DiagramModelTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private static List<Path> files(String folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(folder))) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        }
    }

    @Test
    void everyDiagramAndFormDeploysTogether() throws IOException {
        RepositoryService repository = engine.getRepositoryService();
        DeploymentBuilder deployment = repository.createDeployment().name("rectiflow-model-test");
        for (Path file : Stream.concat(files("processes", ".bpmn").stream(), files("forms", ".form").stream()).toList()) {
            deployment.addInputStream(file.getFileName().toString(), Files.newInputStream(file));
        }
        String id = deployment.deploy().getId();

        assertThat(repository.createProcessDefinitionQuery().deploymentId(id).list())
            .extracting(d -> d.getKey()).containsExactlyInAnyOrder("inspection-round", "measure-execution", "clue-handling",
                "rectification-plan", "progress-bulletin");
        assertThat(repository.getDeploymentResourceNames(id)).hasSize(files("processes", ".bpmn").size()
            + files("forms", ".form").size());
        repository.deleteDeployment(id, true);
    }

    private static BpmnModelInstance read(Path file) {
        return Bpmn.readModelFromFile(file.toFile());
    }

    @Test
    void everyProcessHasItsLayout() throws IOException {
        for (Path file : files("processes", ".bpmn")) {
            BpmnModelInstance model = read(file);
            for (Process process : model.getModelElementsByType(Process.class)) {
                assertThat(model.getModelElementsByType(BpmnPlane.class)).as(file + ": a diagram of " + process.getId())
                    .anyMatch(plane -> plane.getBpmnElement() == process);
            }
        }
    }

    @Test
    void everyTimerHasAnExpression() throws IOException {
        int timers = 0;
        for (Path file : files("processes", ".bpmn")) {
            for (TimerEventDefinition timer : read(file).getModelElementsByType(TimerEventDefinition.class)) {
                timers++;
                List<String> set = Stream.of(timer.getTimeDate(), timer.getTimeCycle(), timer.getTimeDuration())
                    .filter(Objects::nonNull).map(e -> e.getTextContent().strip()).toList();
                assertThat(set).as(file + ": " + timer.getId() + " has one of timeDate, timeCycle, timeDuration")
                    .hasSize(1);
                assertThat(set.get(0)).as(file + ": expression of " + timer.getId()).isNotBlank();
            }
        }
        assertThat(timers).isPositive();
    }

    @Test
    void everyListenerAndEveryBeanAnExpressionCallsExists() throws IOException {
        Map<String, ModelSources.Bean> beans = ModelSources.beans();
        for (Path file : files("processes", ".bpmn")) {
            BpmnModelInstance model = read(file);
            for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
                String bean = beanOf(listener.getCamundaDelegateExpression(), file + ": execution listener");
                assertThat(beans).as(file + ": listener bean " + bean).containsKey(bean);
                assertThat(ExecutionListener.class).isAssignableFrom(beans.get(bean).type());
            }
            for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
                String bean = beanOf(listener.getCamundaDelegateExpression(), file + ": task listener");
                assertThat(beans).as(file + ": listener bean " + bean).containsKey(bean);
                assertThat(TaskListener.class).isAssignableFrom(beans.get(bean).type());
            }
            Matcher call = Pattern.compile("\\$\\{([a-z][A-Za-z0-9]*)\\.([A-Za-z]+)\\(").matcher(Files.readString(file));
            while (call.find()) {
                assertThat(beans).as(file + ": bean " + call.group(1) + " of " + call.group()).containsKey(call.group(1));
                String method = call.group(2);
                assertThat(beans.get(call.group(1)).type().getMethods()).as(file + ": " + call.group())
                    .anyMatch(m -> m.getName().equals(method));
            }
        }
    }

    private static String beanOf(String delegateExpression, String where) {
        assertThat(delegateExpression).as(where + " by delegate expression").matches("\\$\\{[a-z][A-Za-z]+}");
        return delegateExpression.substring(2, delegateExpression.length() - 1);
    }

    /** The groups a message may name: the role groups, units and key groups of the organisation file. */
    private static Set<String> organisationGroups() throws IOException {
        JsonNode organisation = new YAMLMapper()
            .readTree(Path.of("src/main/resources/organisation/organisation.yml").toFile());
        Set<String> groups = new HashSet<>();
        for (String list : List.of("roleGroups", "units", "keyGroups")) {
            organisation.path(list).forEach(g -> groups.add(g.path("id").asText()));
        }
        return groups;
    }

    @Test
    void everyServiceTaskCallsADelegateBeanThroughItsElementTemplate() throws IOException {
        Map<String, ModelSources.Bean> beans = ModelSources.beans();
        Map<String, ModelSources.Template> templates = ModelSources.templatesById();
        Set<String> groups = organisationGroups();
        for (Path file : files("processes", ".bpmn")) {
            Set<String> escalationSteps = new HashSet<>();
            for (ServiceTask task : read(file).getModelElementsByType(ServiceTask.class)) {
                String where = file + ": " + task.getId();
                String bean = beanOf(task.getCamundaDelegateExpression(), where);
                assertThat(beans).as(where + ": bean " + bean + " exists").containsKey(bean);
                assertThat(JavaDelegate.class).as(where + ": " + bean + " is a JavaDelegate")
                    .isAssignableFrom(beans.get(bean).type());

                String templateId = task.getAttributeValueNs(ModelSources.CAMUNDA_NS, "modelerTemplate");
                assertThat(templateId).as(where + ": camunda:modelerTemplate").isNotBlank();
                assertThat(templates).as(where + ": template " + templateId + " in .camunda/element-templates")
                    .containsKey(templateId);
                ModelSources.Template template = templates.get(templateId);
                assertThat(task.getAttributeValueNs(ModelSources.CAMUNDA_NS, "modelerTemplateVersion"))
                    .as(where + ": camunda:modelerTemplateVersion").isEqualTo(String.valueOf(template.version()));
                assertThat(task.getCamundaDelegateExpression()).as(where + ": the delegate of its template")
                    .isEqualTo(template.delegateExpression());

                Map<String, String> values = fieldValues(task, where);
                Map<String, JsonNode> allowed = template.fields();
                assertThat(allowed.keySet()).as(where + ": fields its template binds").containsAll(values.keySet());
                for (Map.Entry<String, JsonNode> field : allowed.entrySet()) {
                    String name = field.getKey();
                    JsonNode p = field.getValue();
                    String value = values.get(name);
                    if ("Dropdown".equals(p.path("type").asText()) || p.at("/constraints/notEmpty").asBoolean()) {
                        assertThat(value).as(where + ": field " + name).isNotBlank();
                    }
                    if (value != null && "Dropdown".equals(p.path("type").asText())) {
                        List<String> choices = new ArrayList<>();
                        p.path("choices").forEach(c -> choices.add(c.path("value").asText()));
                        assertThat(choices).as(where + ": field " + name + " is one of its choices").contains(value);
                    }
                    if (value != null && p.at("/constraints/pattern/value").isTextual()) {
                        assertThat(value).as(where + ": field " + name + " " + p.at("/constraints/pattern/message").asText())
                            .matches(Pattern.compile(p.at("/constraints/pattern/value").asText(), Pattern.DOTALL));
                    }
                }
                if (allowed.containsKey("subject")) {
                    Map<String, Object> placeholders = new HashMap<>();
                    ElementTemplatesTest.placeholders(beans.get(bean).type()).forEach(n -> placeholders.put(n, "x"));
                    MessageSettings message = MessageSettings.of(values.get("notifyUnitRoles"), values.get("notifyGroups"),
                        values.get("subject"), values.get("body"), null);
                    assertThatCode(() -> message.subject(placeholders)).as(where + ": subject").doesNotThrowAnyException();
                    assertThatCode(() -> message.body(placeholders)).as(where + ": body").doesNotThrowAnyException();
                    assertThat(groups).as(where + ": the groups it tells are the organisation's")
                        .containsAll(message.groups());
                }
                if (values.containsKey("step")) {
                    assertThat(escalationSteps.add(templateId + "/" + values.get("step") + "/" + values.get("offsetDays")))
                        .as(where + ": a second task of step " + values.get("step") + " at the same offsetDays would write "
                            + "the same notice key and never be sent; give it its own offsetDays").isTrue();
                }
            }
        }
    }

    /** The task's camunda:fields, each a plain string (the templates bind no expressions). */
    private static Map<String, String> fieldValues(ServiceTask task, String where) {
        Map<String, String> values = new HashMap<>();
        if (task.getExtensionElements() == null) {
            return values;
        }
        for (CamundaField field : task.getExtensionElements().getElementsQuery().filterByType(CamundaField.class).list()) {
            assertThat(field.getCamundaExpression() == null && field.getCamundaExpressionChild() == null)
                .as(where + ": field " + field.getCamundaName() + " is a string, not an expression").isTrue();
            String value = field.getCamundaStringValue() != null ? field.getCamundaStringValue()
                : field.getCamundaString() == null ? null : field.getCamundaString().getTextContent();
            assertThat(values.put(field.getCamundaName(), value)).as(where + ": field " + field.getCamundaName() + " once")
                .isNull();
        }
        return values;
    }

    @Test
    void everyDiagramKeepsTheHouseRules() throws IOException {
        for (Path file : files("processes", ".bpmn")) {
            BpmnModelInstance model = read(file);
            String name = file.getFileName().toString().replace(".bpmn", "");
            Process process = model.getModelElementsByType(Process.class).iterator().next();
            assertThat(process.getId()).as("process id of " + file).isEqualTo(name);
            assertThat(process.getCamundaHistoryTimeToLiveString()).as("history TTL of " + file).isNotBlank();

            Collection<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class);
            Collection<BpmnEdge> edges = model.getModelElementsByType(BpmnEdge.class);
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                assertThat(node.getId()).as(file + ": id of " + node.getName())
                    .matches("(startEvent|endEvent|boundaryEvent|intermediateTimerEvent|intermediateConditionalEvent|userTask|serviceTask"
                        + "|callActivity|subProcess"
                        + "|gateway)_[a-z][A-Za-z]+");
                boolean mergeGateway = node.getId().startsWith("gateway_") && node.getOutgoing().size() == 1;
                if (!mergeGateway) {
                    assertThat(node.getName()).as(file + ": name of " + node.getId()).isNotBlank();
                }
                assertThat(shapes).as(file + ": layout of " + node.getId())
                    .anyMatch(s -> s.getBpmnElement() == node);
            }
            for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
                assertThat(flow.getId()).as(file + ": flow id").matches("flow_[a-z][A-Za-z]+");
                assertThat(edges).as(file + ": layout of " + flow.getId()).anyMatch(e -> e.getBpmnElement() == flow);
            }
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                assertThat(task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef"))
                    .as(file + ": form of " + task.getId()).isNotBlank();
                // "latest": a diagram redeployed alone from the Modeler (changed-only) still finds its forms
                assertThat(task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRefBinding"))
                    .as(file + ": form binding of " + task.getId()).isEqualTo("latest");
                assertThat(ModelSources.formIds()).as(file + ": the form of " + task.getId() + " is in forms/")
                    .contains(task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef"));
                assertThat(task.getCamundaCandidateGroups()).as(file + ": candidate groups of " + task.getId())
                    .isNotBlank();
            }
            for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
                assertThat(task.getCamundaDelegateExpression()).as(file + ": delegate of " + task.getId())
                    .matches("\\$\\{[a-z][A-Za-z]+Delegate}");
            }
            assertThat(model.getModelElementsByType(BaseElement.class)).isNotEmpty();
        }
    }
}
