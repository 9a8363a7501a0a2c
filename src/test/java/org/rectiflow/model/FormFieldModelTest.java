package org.rectiflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.rectiflow.common.FormField;
import org.rectiflow.common.Variable;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The form fields the code reads are declared once ({@link FormField}, in the diagrams' constants classes) and
 * agree with forms/*.form: each declared field is an input field of its form, with the same key, the same label
 * and, where the form limits the length, the same maximum; and every input field of every form is declared, so
 * a field the process owner adds in the Modeler is either read by the code or noticed here.
 */
class FormFieldModelTest {

    /** The component types of form-js that show something and submit nothing (as guard/TaskForms reads them). */
    private static final Set<String> DISPLAY_TYPES = Set.of("text", "html", "image", "button", "spacer", "separator",
        "iframe", "table", "group", "dynamiclist");

    /** An input field of a form file. */
    record Input(String form, String key, String type, String label, Integer maxLength) {
    }

    @Test
    void everyDeclaredFieldIsAnInputOfItsFormWithItsLabelAndLength() {
        Map<String, Input> inputs = inputs();
        List<FormField> declared = declared();
        assertThat(declared).as("the declared form fields").isNotEmpty();
        for (FormField field : declared) {
            Input input = inputs.get(field.form() + "/" + field.key());
            assertThat(input)
                .as("forms/%s.form has an input field %s (declared as %s)", field.form(), field.key(), field)
                .isNotNull();
            assertThat(field.label()).as("the label of %s in forms/%s.form", field.key(), field.form())
                .isEqualTo(input.label());
            if (input.maxLength() != null) {
                assertThat(field.maxLength()).as("the maximum length of %s in forms/%s.form", field.key(), field.form())
                    .isEqualTo(input.maxLength());
            }
        }
    }

    @Test
    void everyInputOfEveryFormIsDeclared() {
        Set<String> declared = new TreeSet<>();
        declared().forEach(f -> declared.add(f.form() + "/" + f.key()));
        assertThat(declared).as("the declared form fields (form/key)").containsAll(inputs().keySet());
    }

    @Test
    void aFieldIsDeclaredOnceAndIsNoStoredVariableOfTheSameClass() {
        List<String> keys = new ArrayList<>();
        declared().forEach(f -> keys.add(f.form() + "/" + f.key()));
        assertThat(keys).as("the declared form fields (form/key)").doesNotHaveDuplicates();
        for (Class<?> holder : holders()) {
            Set<String> fieldKeys = new TreeSet<>();
            fields(holder).forEach(f -> fieldKeys.add(f.key()));
            assertThat(Variable.declaredIn(holder)).as("the variables of %s", holder.getName())
                .extracting(Variable::name).doesNotContainAnyElementsOf(fieldKeys);
        }
    }

    private static Map<String, Input> inputs() {
        Map<String, Input> inputs = new LinkedHashMap<>();
        for (Path file : ModelSources.files(ModelSources.FORMS, ".form")) {
            JsonNode json = ModelSources.json(file);
            collect(json.path("id").asText(), json, inputs);
        }
        return inputs;
    }

    private static void collect(String form, JsonNode node, Map<String, Input> inputs) {
        collect(form, "", node, inputs);
    }

    /**
     * A dynamic list is one input, keyed by its path, and its fields are inputs keyed "path.key" (as
     * {@code FormField.item} declares them).
     */
    private static void collect(String form, String prefix, JsonNode node, Map<String, Input> inputs) {
        for (JsonNode component : node.path("components")) {
            String type = component.path("type").asText();
            String path = component.path("path").asText(null);
            if ("dynamiclist".equals(type) && path != null) {
                inputs.put(form + "/" + prefix + path, new Input(form, prefix + path, type,
                    component.path("label").asText(null), null));
                collect(form, prefix + path + ".", component, inputs);
                continue;
            }
            String key = component.path("key").asText(null);
            if (key != null) {
                key = prefix + key;
            }
            if (key != null && !DISPLAY_TYPES.contains(type)) {
                String label = "datetime".equals(type) && !component.has("label")
                    ? component.path("dateLabel").asText(null) : component.path("label").asText(null);
                JsonNode max = component.at("/validate/maxLength");
                inputs.put(form + "/" + key, new Input(form, key, type, label, max.isNumber() ? max.asInt() : null));
            }
            collect(form, prefix, component, inputs);
        }
    }

    private static List<FormField> declared() {
        List<FormField> declared = new ArrayList<>();
        holders().forEach(holder -> declared.addAll(fields(holder)));
        return declared;
    }

    private static List<FormField> fields(Class<?> holder) {
        List<FormField> fields = new ArrayList<>();
        for (Field field : holder.getDeclaredFields()) {
            if (field.getType() == FormField.class && Modifier.isStatic(field.getModifiers())) {
                try {
                    field.setAccessible(true);
                    fields.add((FormField) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return fields;
    }

    /** The application's classes (not the tests') that declare a form field: found, not listed by hand. */
    private static List<Class<?>> holders() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter((reader, factory) -> true);
        List<Class<?>> holders = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.rectiflow")) {
            if (String.valueOf(candidate.getResourceDescription()).contains("test-classes")) {
                continue;
            }
            try {
                Class<?> type = Class.forName(candidate.getBeanClassName(), false,
                    FormFieldModelTest.class.getClassLoader());
                for (Field field : type.getDeclaredFields()) {
                    if (field.getType() == FormField.class && Modifier.isStatic(field.getModifiers())) {
                        holders.add(type);
                        break;
                    }
                }
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("Cannot load " + candidate.getBeanClassName(), e);
            }
        }
        return holders;
    }
}
