package org.rectiflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every diagram and form of processes/ and forms/ deploys into a plain engine the way the Modeler's
 * Deploy button sends them, and every diagram keeps the house rules: layout for every element,
 * meaningful type-prefixed ids, a Chinese name (merging gateways aside), a form and candidate groups on every user task, delegate expressions on
 * every service task, a history time-to-live.
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

    @Test
    void everyDiagramKeepsTheHouseRules() throws IOException {
        for (Path file : files("processes", ".bpmn")) {
            BpmnModelInstance model = org.camunda.bpm.model.bpmn.Bpmn.readModelFromFile(file.toFile());
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
