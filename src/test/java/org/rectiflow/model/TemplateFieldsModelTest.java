package org.rectiflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaField;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.rectiflow.model.ModelSources.Template;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Modeler can edit every field of a templated task and never writes an empty one (issue 18, points 1–2): its
 * {@code camunda:field} setter only replaces a field the task already has, so every templated element of
 * processes/*.bpmn carries every field its template binds; and every field a template binds has a non-empty
 * default that its own pattern allows (提醒时点 {@code DEFAULT}, 通知工作组 {@code NONE}), so applying a template
 * writes no empty field, and no template invites leaving one empty (留空).
 */
class TemplateFieldsModelTest {

    @Test
    void everyTemplatedElementCarriesEveryFieldItsTemplateBinds() {
        List<String> missing = new ArrayList<>();
        for (Path file : ModelSources.files(ModelSources.PROCESSES, ".bpmn")) {
            missing.addAll(missingFields(file.getFileName().toString(), Bpmn.readModelFromFile(file.toFile())));
        }
        assertThat(missing).as("templated elements lacking a field their template binds").isEmpty();
    }

    @Test
    void aTemplatedElementLackingAFieldIsNamedWithItsDiagramTaskAndField() {
        String diagram = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs" targetNamespace="http://rectiflow.org/test">
              <bpmn:process id="fixture" isExecutable="true">
                <bpmn:serviceTask id="serviceTask_notify" name="通报" camunda:modelerTemplate="rectiflow.notifyBulletin"
                    camunda:modelerTemplateVersion="1" camunda:delegateExpression="${notifyBulletinDelegate}">
                  <bpmn:extensionElements>
                    <camunda:field name="subject"><camunda:string>【通报】{asOf}</camunda:string></camunda:field>
                    <camunda:field name="body"><camunda:string>{summary}</camunda:string></camunda:field>
                  </bpmn:extensionElements>
                </bpmn:serviceTask>
              </bpmn:process>
            </bpmn:definitions>
            """;
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(diagram.getBytes(StandardCharsets.UTF_8)));

        assertThat(missingFields("fixture.bpmn", model)).containsExactly(
            "fixture.bpmn: serviceTask_notify (通报) lacks the field notifyGroups of template rectiflow.notifyBulletin");
    }

    @Test
    void everyFieldATemplateBindsHasANonEmptyDefaultItsPatternAllows() {
        for (Template template : ModelSources.templates()) {
            for (Map.Entry<String, JsonNode> field : template.fields().entrySet()) {
                String where = template.id() + ": field " + field.getKey();
                JsonNode property = field.getValue();
                assertThat(property.path("value").asText("")).as(where + ": its default").isNotBlank();
                if (property.at("/constraints/pattern/value").isTextual()) {
                    assertThat(property.path("value").asText()).as(where + ": its default matches its pattern")
                        .containsPattern(Pattern.compile(property.at("/constraints/pattern/value").asText()));
                    assertThat("").as(where + ": its pattern refuses an empty value")
                        .doesNotContainPattern(Pattern.compile(property.at("/constraints/pattern/value").asText()));
                }
            }
            assertThat(template.json().toString()).as(template.id() + " invites no empty value")
                .doesNotContain("留空则").doesNotContain("或留空");
        }
    }

    @Test
    void theOptionalFieldsDefaultToTheValuesTheDelegatesRead() {
        Map<String, Template> templates = ModelSources.templatesById();
        for (String id : List.of("rectiflow.escalateMeasure", "rectiflow.escalateClue")) {
            assertThat(templates.get(id).fields().get("offsetDays").path("value").asText()).as(id).isEqualTo("DEFAULT");
        }
        for (String id : List.of("rectiflow.escalateMeasure", "rectiflow.remindPlanReviewer", "rectiflow.sendTaskLists")) {
            assertThat(templates.get(id).fields().get("notifyGroups").path("value").asText()).as(id).isEqualTo("NONE");
        }
    }

    /** "diagram: task (name) lacks the field f of template t" for each field a templated element lacks. */
    static List<String> missingFields(String diagram, BpmnModelInstance model) {
        Map<String, Template> templates = ModelSources.templatesById();
        List<String> missing = new ArrayList<>();
        for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
            String templateId = element.getAttributeValueNs(ModelSources.CAMUNDA_NS, "modelerTemplate");
            if (templateId == null) {
                continue;
            }
            Template template = templates.get(templateId);
            assertThat(template).as(diagram + ": " + element.getId() + ": template " + templateId).isNotNull();
            List<String> present = new ArrayList<>();
            if (element.getExtensionElements() != null) {
                for (ModelElementInstance child : element.getExtensionElements().getElements()) {
                    if (child instanceof CamundaField field) {
                        present.add(field.getCamundaName());
                    }
                }
            }
            String name = element.getAttributeValue("name");
            for (String field : template.fields().keySet()) {
                if (!present.contains(field)) {
                    missing.add(diagram + ": " + element.getId() + (name == null ? "" : " (" + name + ")")
                        + " lacks the field " + field + " of template " + templateId);
                }
            }
        }
        return missing;
    }
}
