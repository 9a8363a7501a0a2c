package org.rectiflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.Test;
import org.rectiflow.clue.ClueService;
import org.rectiflow.measure.MeasureService;
import org.rectiflow.model.ModelSources.Bean;
import org.rectiflow.model.ModelSources.Template;
import org.rectiflow.notification.MessageSettings;
import org.rectiflow.notification.MessageTemplate;
import org.rectiflow.supervision.EscalationStep;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The element templates of .camunda/element-templates/ against the code: one template per delegate, ids,
 * versions and {@code appliesTo} consistent, every {@code camunda:field} a template binds injected by its
 * delegate (and every field a delegate injects offered by its template), the choices of a drop-down the values
 * the delegate reads, and the placeholders a message field lists those its service fills in. (The npm step of the
 * build validates the same files against the element templates JSON schema.)
 */
class ElementTemplatesTest {

    /** The enums the delegates read their drop-down fields into. */
    private static final Map<String, Set<String>> ENUM_FIELDS = Map.of(
        "rectiflow.escalateMeasure/step", names(EscalationStep.class),
        "rectiflow.escalateClue/step", names(ClueService.Step.class),
        "rectiflow.recordDecision/stage", names(MeasureService.Stage.class));

    private static Set<String> names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.toSet());
    }

    private static Bean bean(Template template) {
        return ModelSources.beans().get(template.beanName());
    }

    /** The placeholders a delegate's services fill in: its public static {@code PLACEHOLDERS}. */
    @SuppressWarnings("unchecked")
    static Set<String> placeholders(Class<?> delegate) {
        try {
            java.lang.reflect.Field field = delegate.getField("PLACEHOLDERS");
            assertThat(Modifier.isStatic(field.getModifiers())).as(delegate + ".PLACEHOLDERS is static").isTrue();
            return (Set<String>) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(delegate.getSimpleName() + " has message fields but no public static PLACEHOLDERS", e);
        }
    }

    @Test
    void everyTemplateIsWellFormedAndNamesAnExistingDelegate() {
        List<Template> templates = ModelSources.templates();
        assertThat(templates).isNotEmpty();
        Set<String> ids = new HashSet<>();
        for (Template t : templates) {
            String where = t.file().toString();
            assertThat(ids.add(t.id())).as(where + ": id " + t.id() + " used once").isTrue();
            assertThat(t.id()).as(where + ": id").matches("rectiflow\\.[a-z][A-Za-z]+");
            assertThat(t.file().getFileName().toString()).as(where + ": file named after the id").isEqualTo(t.id() + ".json");
            assertThat(t.version()).as(where + ": version").isPositive();
            assertThat(t.json().path("version").isInt()).as(where + ": version is an integer").isTrue();
            assertThat(t.json().path("name").asText()).as(where + ": a Chinese name").matches(".*\\p{IsHan}.*");
            assertThat(t.json().path("description").asText()).as(where + ": description").isNotBlank();
            assertThat(t.json().path("appliesTo").toString()).as(where + ": appliesTo").isEqualTo("[\"bpmn:ServiceTask\"]");

            List<JsonNode> delegateProperties = t.properties().stream()
                .filter(p -> "camunda:delegateExpression".equals(p.at("/binding/name").asText())).toList();
            assertThat(delegateProperties).as(where + ": one delegate expression").hasSize(1);
            assertThat(delegateProperties.get(0).path("type").asText()).as(where + ": the delegate expression is hidden")
                .isEqualTo("Hidden");
            assertThat(t.delegateExpression()).as(where + ": delegate expression").matches("\\$\\{[a-z][A-Za-z]+Delegate}");
            Bean bean = bean(t);
            assertThat(bean).as(where + ": bean " + t.beanName() + " exists").isNotNull();
            assertThat(JavaDelegate.class).as(where + ": " + bean.type() + " is a JavaDelegate")
                .isAssignableFrom(bean.type());
            assertThat(t.id()).as(where + ": id after the bean")
                .isEqualTo("rectiflow." + t.beanName().replaceAll("Delegate$", ""));

            Set<String> groups = new HashSet<>();
            t.json().path("groups").forEach(g -> groups.add(g.path("id").asText()));
            for (JsonNode p : t.properties()) {
                String type = p.at("/binding/type").asText();
                String bound = p.at("/binding/name").asText();
                assertThat(type.equals("camunda:field") || bound.equals("camunda:delegateExpression"))
                    .as(where + ": binds only camunda:fields besides the delegate: " + p).isTrue();
                assertThat(p.at("/binding/expression").asBoolean(false)).as(where + ": fields are plain strings: " + p)
                    .isFalse();
                if (p.has("group")) {
                    assertThat(groups).as(where + ": group of " + bound).contains(p.path("group").asText());
                }
                if (type.equals("camunda:field")) {
                    assertThat(p.path("label").asText()).as(where + ": label of " + bound)
                        .matches(".*\\p{IsHan}.*");
                }
            }
        }
    }

    @Test
    void everyDelegateHasExactlyOneTemplate() {
        List<String> delegates = ModelSources.beans().values().stream()
            .filter(b -> JavaDelegate.class.isAssignableFrom(b.type())).map(Bean::name).sorted().toList();
        List<String> templated = ModelSources.templates().stream().map(Template::beanName).sorted().toList();
        assertThat(templated).as("the delegates that have templates").containsExactlyElementsOf(delegates);
    }

    @Test
    void everyFieldATemplateBindsIsOneItsDelegateInjects() {
        for (Template t : ModelSources.templates()) {
            Bean bean = bean(t);
            String delegate = bean.type().getSimpleName();
            assertThat(t.fields().keySet()).as(t.file() + ": fields bound vs. Expression fields of " + delegate)
                .containsExactlyInAnyOrderElementsOf(bean.expressionFields());
            if (!bean.expressionFields().isEmpty()) {
                assertThat(bean.prototype()).as(delegate + " takes fields, so it must be a prototype bean (the engine "
                    + "injects them into the instance it resolves, before each call)").isTrue();
            }
        }
    }

    @Test
    void dropDownsOfferWhatTheDelegatesRead() {
        for (Template t : ModelSources.templates()) {
            for (Map.Entry<String, JsonNode> field : t.fields().entrySet()) {
                JsonNode p = field.getValue();
                if (!"Dropdown".equals(p.path("type").asText())) {
                    continue;
                }
                String where = t.id() + "/" + field.getKey();
                List<String> values = new ArrayList<>();
                p.path("choices").forEach(c -> values.add(c.path("value").asText()));
                assertThat(values).as(where + ": choices").doesNotHaveDuplicates().isNotEmpty();
                if (p.has("value")) {
                    assertThat(values).as(where + ": the default is a choice").contains(p.path("value").asText());
                }
                if (field.getKey().equals("notifyUnitRoles")) {
                    values.forEach(v -> assertThatCode(() -> MessageSettings.unitRecipients(v)).as(where + ": " + v)
                        .doesNotThrowAnyException());
                } else {
                    assertThat(ENUM_FIELDS).as(where + ": the enum it is read into").containsKey(where);
                    assertThat(ENUM_FIELDS.get(where)).as(where + ": choices are its names").containsAll(values);
                }
            }
        }
    }

    @Test
    void messageFieldsListAndUseOnlyThePlaceholdersTheirDelegateOffers() {
        int messages = 0;
        for (Template t : ModelSources.templates()) {
            Map<String, JsonNode> fields = t.fields();
            if (!fields.containsKey("subject") && !fields.containsKey("body")) {
                continue;
            }
            messages++;
            assertThat(fields).as(t.id() + ": a message has a subject, a body and groups to tell")
                .containsKeys("subject", "body", "notifyGroups");
            Set<String> offered = placeholders(bean(t).type());
            for (String name : List.of("subject", "body")) {
                JsonNode p = fields.get(name);
                assertThat(new TreeSet<>(MessageTemplate.placeholders(p.path("description").asText())))
                    .as(t.id() + "/" + name + ": the placeholders its description lists").isEqualTo(new TreeSet<>(offered));
                assertThat(offered).as(t.id() + "/" + name + ": placeholders of its default")
                    .containsAll(MessageTemplate.placeholders(p.path("value").asText()));
                assertThat(p.at("/constraints/notEmpty").asBoolean()).as(t.id() + "/" + name + " is required").isTrue();
            }
        }
        assertThat(messages).as("templates with messages").isGreaterThanOrEqualTo(6);
    }
}
