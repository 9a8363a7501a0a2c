package org.rectiflow.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.Expression;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.AnnotationScopeMetadataResolver;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the model checks read: the forms, the element templates of .camunda/element-templates/, and the
 * application's Spring beans as its component scanning finds them (names, classes, scopes), without starting a
 * context.
 */
final class ModelSources {

    static final Path PROCESSES = Path.of("processes");
    static final Path FORMS = Path.of("forms");
    static final Path TEMPLATES = Path.of(".camunda", "element-templates");
    static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Map<String, Bean> beans;

    /** A Spring bean of the application: its name, class and scope. */
    record Bean(String name, Class<?> type, String scope) {

        boolean prototype() {
            return "prototype".equals(scope);
        }

        /** The fields the engine injects a service task's {@code camunda:field}s into. */
        Set<String> expressionFields() {
            Set<String> names = new LinkedHashSet<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (field.getType() == Expression.class && !Modifier.isStatic(field.getModifiers())) {
                        names.add(field.getName());
                    }
                }
            }
            return names;
        }
    }

    /** One element template file: its JSON and where it came from. */
    record Template(Path file, JsonNode json) {

        String id() {
            return json.path("id").asText();
        }

        int version() {
            return json.path("version").asInt(-1);
        }

        List<JsonNode> properties() {
            List<JsonNode> list = new ArrayList<>();
            json.path("properties").forEach(list::add);
            return list;
        }

        /** The value of the hidden {@code camunda:delegateExpression} property, or null. */
        String delegateExpression() {
            return properties().stream()
                .filter(p -> "property".equals(p.at("/binding/type").asText())
                    && "camunda:delegateExpression".equals(p.at("/binding/name").asText()))
                .map(p -> p.path("value").asText()).findFirst().orElse(null);
        }

        /** The properties bound to {@code camunda:field}s, by field name. */
        Map<String, JsonNode> fields() {
            Map<String, JsonNode> fields = new TreeMap<>();
            for (JsonNode p : properties()) {
                if ("camunda:field".equals(p.at("/binding/type").asText())) {
                    fields.put(p.at("/binding/name").asText(), p);
                }
            }
            return fields;
        }

        /** The bean the template's delegate expression names: {@code ${escalateMeasureDelegate}}. */
        String beanName() {
            String expression = delegateExpression();
            return expression == null ? null : expression.replaceAll("^\\$\\{(.*)}$", "$1");
        }
    }

    private ModelSources() {
    }

    static List<Path> files(Path folder, String suffix) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    static List<Template> templates() {
        return files(TEMPLATES, ".json").stream().map(f -> new Template(f, json(f))).toList();
    }

    static Map<String, Template> templatesById() {
        Map<String, Template> byId = new TreeMap<>();
        templates().forEach(t -> byId.put(t.id(), t));
        return byId;
    }

    /** The ids of the Camunda Forms in forms/ (what {@code camunda:formRef} names). */
    static Set<String> formIds() {
        Set<String> ids = new LinkedHashSet<>();
        files(FORMS, ".form").forEach(f -> ids.add(json(f).path("id").asText()));
        return ids;
    }

    /** The application's beans by name, as component scanning of org.rectiflow finds them. */
    static synchronized Map<String, Bean> beans() {
        if (beans == null) {
            ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
            SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
            AnnotationScopeMetadataResolver scopes = new AnnotationScopeMetadataResolver();
            Map<String, Bean> found = new TreeMap<>();
            for (BeanDefinition candidate : scanner.findCandidateComponents("org.rectiflow")) {
                if (String.valueOf(candidate.getResourceDescription()).contains("test-classes")) {
                    continue; // the tests' own components are not the application's
                }
                String name = AnnotationBeanNameGenerator.INSTANCE.generateBeanName(candidate, registry);
                try {
                    found.put(name, new Bean(name, Class.forName(candidate.getBeanClassName()),
                        scopes.resolveScopeMetadata((AnnotatedBeanDefinition) candidate).getScopeName()));
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
            beans = Collections.unmodifiableMap(found);
        }
        return beans;
    }
}
