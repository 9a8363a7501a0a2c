package org.rectiflow.guard;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.camunda.bpm.engine.Problem;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A newly deployed diagram sets every {@code camunda:field} to a value, and a templated task's fields to values
 * its element template allows: the pattern of {@code constraints.pattern} and the choices of a Dropdown, as the
 * Modeler's panel and the lint ({@code lint/bpmnlint-plugin-rectiflow}) check them. The templates are
 * {@code .camunda/element-templates/*.json}, packaged as {@code element-templates/} on the classpath: the one home
 * of the allowed values. A task's template is the one its {@code camunda:modelerTemplate} names, or else the one
 * whose delegate expression it calls. Messages name the task and field in Chinese; expressions are not checked
 * here ({@link ExpressionPolicy} is).
 */
final class FieldValuePolicy {

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private static final String LOCATION = "classpath*:element-templates/*.json";

    /** A field a template binds: its label, pattern and message, and its choices (a Dropdown's), if any. */
    record FieldRule(String label, Pattern pattern, String message, Map<String, String> choices) {
    }

    /** A template: its name and the rules of the fields it binds, by field name. */
    record Template(String name, Map<String, FieldRule> fields) {
    }

    private final Map<String, Template> byId;
    private final Map<String, Template> byDelegate;

    FieldValuePolicy(Map<String, Template> byId, Map<String, Template> byDelegate) {
        this.byId = Map.copyOf(byId);
        this.byDelegate = Map.copyOf(byDelegate);
    }

    /** The element templates on the classpath; none is an error (the packaging lost them). */
    static FieldValuePolicy fromClasspath() {
        ObjectMapper json = new ObjectMapper();
        Map<String, Template> byId = new HashMap<>();
        Map<String, Template> byDelegate = new HashMap<>();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            for (Resource resource : resources) {
                try (InputStream in = resource.getInputStream()) {
                    JsonNode template = json.readTree(in);
                    Template parsed = template(template);
                    byId.put(template.path("id").asText(), parsed);
                    for (JsonNode p : template.path("properties")) {
                        if ("property".equals(p.at("/binding/type").asText())
                            && "camunda:delegateExpression".equals(p.at("/binding/name").asText())) {
                            byDelegate.put(p.path("value").asText(), parsed);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the element templates " + LOCATION, e);
        }
        if (byId.isEmpty()) {
            throw new IllegalStateException("No element templates at " + LOCATION);
        }
        return new FieldValuePolicy(byId, byDelegate);
    }

    private static Template template(JsonNode template) {
        Map<String, FieldRule> fields = new HashMap<>();
        for (JsonNode p : template.path("properties")) {
            if (!"camunda:field".equals(p.at("/binding/type").asText())) {
                continue;
            }
            JsonNode pattern = p.at("/constraints/pattern");
            Map<String, String> choices = new LinkedHashMap<>();
            if ("Dropdown".equals(p.path("type").asText())) {
                p.path("choices").forEach(c -> choices.put(c.path("value").asText(), c.path("name").asText()));
            }
            fields.put(p.at("/binding/name").asText(), new FieldRule(p.path("label").asText(null),
                pattern.path("value").isTextual() ? javaScriptPattern(pattern.path("value").asText()) : null,
                pattern.path("message").asText(null), Collections.unmodifiableMap(choices)));
        }
        return new Template(template.path("name").asText(), fields);
    }

    /**
     * A template's pattern as the Modeler and the lint (JavaScript's RegExp) read it: {@code \s} matches any
     * Unicode space (the full-width one too), so a value the lint passes is not refused here.
     */
    private static Pattern javaScriptPattern(String pattern) {
        return Pattern.compile(pattern, Pattern.UNICODE_CHARACTER_CLASS);
    }

    /** The diagram's fields without a value, or with one their template forbids. */
    List<Problem> check(byte[] content) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(content));
        List<Problem> problems = new ArrayList<>();
        Deque<Element> open = new ArrayDeque<>();
        Field field = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                Element element = new Element(xml.getNamespaceURI(), xml.getLocalName(),
                    xml.getAttributeValue(null, "id"), xml.getAttributeValue(null, "name"),
                    xml.getAttributeValue(CAMUNDA, "modelerTemplate"), xml.getAttributeValue(CAMUNDA, "delegateExpression"));
                if (element.is(CAMUNDA, "field")) {
                    Element parent = open.peek();
                    field = new Field(element.name, owner(open), parent != null && parent.is(BPMN, "extensionElements"),
                        xml.getLocation().getLineNumber(), xml.getLocation().getColumnNumber());
                    String string = xml.getAttributeValue(null, "stringValue");
                    String expression = xml.getAttributeValue(null, "expression");
                    if (string != null) {
                        field.value(false).append(string);
                    } else if (expression != null) {
                        field.value(true).append(expression);
                    }
                } else if (field != null && (element.is(CAMUNDA, "string") || element.is(CAMUNDA, "expression"))) {
                    field.value(element.is(CAMUNDA, "expression"));
                }
                open.push(element);
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                Element closed = open.pop();
                if (closed.is(CAMUNDA, "field") && field != null) {
                    check(field, problems);
                    field = null;
                }
            } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) && field != null
                && !open.isEmpty() && (open.peek().is(CAMUNDA, "string") || open.peek().is(CAMUNDA, "expression"))) {
                field.text.append(xml.getText());
            }
        }
        return problems;
    }

    private void check(Field field, List<Problem> problems) {
        Element owner = field.owner;
        String where = describe(owner) + "的字段 " + field.name;
        Template template = owner == null || !field.direct ? null : templateOf(owner);
        FieldRule rule = template == null ? null : template.fields().get(field.name);
        String value = field.text == null ? null : field.text.toString();
        if (value == null || value.isBlank()) {
            String hint = rule != null && rule.message() != null ? rule.message() : "请填写取值";
            problems.add(refusal(where + " 没有取值：" + hint, field));
            return;
        }
        if (rule == null || field.expression) {
            return;
        }
        String shown = where + "（" + (rule.label() == null ? field.name : rule.label()) + "）的取值「" + value + "」";
        if (rule.pattern() != null && !rule.pattern().matcher(value).find()) {
            problems.add(refusal(shown + "不符合模板「" + template.name() + "」的要求："
                + (rule.message() != null ? rule.message() : rule.pattern().pattern()), field));
        }
        if (!rule.choices().isEmpty() && !rule.choices().containsKey(value)) {
            List<String> choices = new ArrayList<>();
            rule.choices().forEach((choice, label) -> choices.add(choice + "（" + label + "）"));
            problems.add(refusal(shown + "不是模板「" + template.name() + "」的选项之一：" + String.join("、", choices), field));
        }
    }

    private Template templateOf(Element owner) {
        if (owner.template != null && byId.containsKey(owner.template)) {
            return byId.get(owner.template);
        }
        return owner.delegate == null ? null : byDelegate.get(owner.delegate.strip());
    }

    /** The nearest enclosing BPMN element with an id: the task (or event, process …) the field belongs to. */
    private static Element owner(Deque<Element> open) {
        for (Element element : open) {
            if (BPMN.equals(element.namespace) && element.id != null) {
                return element;
            }
        }
        return null;
    }

    /** 任务「提醒牵头单位」（serviceTask_remindLead）, 任务（id） without a name, 元素（id） for what is not a task. */
    private static String describe(Element owner) {
        if (owner == null) {
            return "流程图";
        }
        String kind = owner.local.endsWith("Task") || owner.local.equals("task") ? "任务" : "元素";
        return owner.name != null && !owner.name.isBlank() ? kind + "「" + owner.name.strip() + "」（" + owner.id + "）"
            : kind + "（" + owner.id + "）";
    }

    private static Problem refusal(String message, Field field) {
        String id = field.owner == null ? null : field.owner.id;
        return new DiagramPolicy.Refusal(message, field.line, field.column, id);
    }

    private record Element(String namespace, String local, String id, String name, String template, String delegate) {
        boolean is(String ns, String localName) {
            return ns.equals(namespace) && localName.equals(local);
        }
    }

    private static final class Field {
        final String name;
        final Element owner;
        final boolean direct;
        final int line;
        final int column;
        StringBuilder text;
        boolean expression;

        Field(String name, Element owner, boolean direct, int line, int column) {
            this.name = name;
            this.owner = owner;
            this.direct = direct;
            this.line = line;
            this.column = column;
        }

        StringBuilder value(boolean isExpression) {
            if (text == null) {
                text = new StringBuilder();
                expression = isExpression;
            }
            return text;
        }
    }
}
