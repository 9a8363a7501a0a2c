package org.rectiflow.guard;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * A deployment runs no code but the application's own. Checked before the engine parses anything, for the
 * Modeler's deploy ({@code POST /engine-rest/deployment/create}), the application's own deployment at start and
 * every later load of a stored deployment alike: only BPMN diagrams and Camunda Forms are deployed (no DMN,
 * CMMN, scripts or embedded HTML forms); a diagram has no script task, script, script condition, connector,
 * external task, business rule task or {@code camunda:formKey}; {@code camunda:class} names only the
 * application's classes; every {@code camunda:delegateExpression} names one of its delegates and every other
 * expression keeps to {@link ExpressionPolicy}; in a new deployment every {@code camunda:field} has a value its
 * element template allows ({@link FieldValuePolicy}). A refused deployment deploys nothing and answers HTTP 400 with
 * each problem naming its resource, element, attribute and expression (a {@link ParseException}, which the
 * REST API and the Modeler show like a parse error).
 */
final class DiagramPolicy implements Deployer {

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private static final Set<String> REFUSED_BPMN = Set.of("scriptTask", "script", "businessRuleTask");
    private static final Set<String> REFUSED_CAMUNDA = Set.of("script", "connector");
    private static final Set<String> CLASS_ATTRIBUTES = Set.of("class", "variableMappingClass", "formHandlerClass");
    private static final Set<String> DELEGATE_ATTRIBUTES = Set.of("delegateExpression",
        "variableMappingDelegateExpression");
    private static final Map<String, String> REFUSED_ATTRIBUTES = Map.of(
        "formKey", "只支持 camunda:formRef 引用的 Camunda 表单（嵌入式或外部表单会在浏览器中运行代码）",
        "type", "不支持外部任务（external task）：服务任务须使用本系统的委托类",
        "decisionRef", "不支持 DMN 决策",
        "caseRef", "不支持 CMMN 案例",
        "resource", "不允许引用脚本资源");
    /** Texts that are never evaluated. */
    private static final Set<String> PROSE = Set.of("documentation", "text");

    private final ExpressionPolicy expressions;
    private final FieldValuePolicy fields;

    DiagramPolicy(ExpressionPolicy expressions, FieldValuePolicy fields) {
        this.expressions = expressions;
        this.fields = fields;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        Map<String, ResourceEntity> resources = deployment.getResources();
        if (resources == null) {
            return;
        }
        for (ResourceEntity resource : resources.values()) {
            List<Problem> problems = check(resource.getName(), resource.getBytes(), deployment.isNew());
            if (!problems.isEmpty()) {
                throw new ParseException("部署未通过安全检查，未部署任何内容。" + resource.getName() + "："
                    + problems.get(0).getMessage() + (problems.size() > 1 ? "（另有" + (problems.size() - 1) + "处问题）" : ""),
                    resource.getName(), problems, List.of());
            }
        }
    }

    /**
     * The resource's problems; {@code isNew}: a deployment made now, whose fields' values are checked too
     * ({@link FieldValuePolicy}), rather than one stored before and loaded again, which keeps running as it was.
     */
    List<Problem> check(String name, byte[] content, boolean isNew) {
        String lower = name.toLowerCase();
        if (lower.endsWith(".form")) {
            return List.of();
        }
        if (!lower.endsWith(".bpmn") && !lower.endsWith(".bpmn20.xml")) {
            return List.of(new Refusal("资源 " + name + " 不能部署：只接受 BPMN 流程图（.bpmn）和 Camunda 表单（.form），"
                + "不接受 DMN、CMMN、脚本或 HTML 表单", 0, 0, null));
        }
        try {
            List<Problem> problems = new Walk(content).run();
            return problems.isEmpty() && isNew ? fields.check(content) : problems;
        } catch (XMLStreamException e) {
            return List.of(new Refusal("流程图 " + name + " 不是有效的 XML（不允许 DOCTYPE 和外部实体）：" + e.getMessage(),
                e.getLocation() == null ? 0 : e.getLocation().getLineNumber(),
                e.getLocation() == null ? 0 : e.getLocation().getColumnNumber(), null));
        }
    }

    private final class Walk {

        private final XMLStreamReader xml;
        private final Deque<String> ids = new ArrayDeque<>();
        private final Deque<Boolean> prose = new ArrayDeque<>();
        private final List<Problem> problems = new ArrayList<>();

        Walk(byte[] content) throws XMLStreamException {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            factory.setProperty(XMLInputFactory.IS_COALESCING, true);
            xml = factory.createXMLStreamReader(new ByteArrayInputStream(content));
        }

        List<Problem> run() throws XMLStreamException {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    start();
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    ids.pop();
                    prose.pop();
                } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)
                    && !prose.isEmpty() && !prose.peek()) {
                    expression(null, xml.getText());
                } else if (event == XMLStreamConstants.DTD) {
                    refuse("流程图不能包含 DOCTYPE 声明");
                }
            }
            return problems;
        }

        private void start() {
            String namespace = xml.getNamespaceURI();
            String element = xml.getLocalName();
            String id = xml.getAttributeValue(null, "id");
            ids.push(id != null ? id : ids.isEmpty() ? "" : ids.peek());
            prose.push(BPMN.equals(namespace) && PROSE.contains(element) || !prose.isEmpty() && prose.peek());
            if (BPMN.equals(namespace) && REFUSED_BPMN.contains(element)) {
                refuse("不允许 " + element + "（脚本和决策任务会在服务器上运行部署者提供的代码）");
            } else if (CAMUNDA.equals(namespace) && REFUSED_CAMUNDA.contains(element)) {
                refuse("不允许 camunda:" + element + "（脚本和连接器会在服务器上运行部署者提供的代码）");
            } else if (BPMN.equals(namespace) && ("conditionExpression".equals(element) || "condition".equals(element))
                && xml.getAttributeValue(null, "language") != null) {
                refuse("不允许脚本条件（language=\"" + xml.getAttributeValue(null, "language") + "\"）：条件只能是表达式");
            }
            for (int i = 0; i < xml.getAttributeCount(); i++) {
                String attributeNamespace = xml.getAttributeNamespace(i);
                boolean qualified = CAMUNDA.equals(attributeNamespace);
                // an extension element's own attributes (camunda:executionListener class="…") name classes and
                // delegates as the qualified ones on a task do
                boolean ofExtension = (attributeNamespace == null || attributeNamespace.isEmpty())
                    && CAMUNDA.equals(namespace);
                attribute(qualified, qualified || ofExtension, xml.getAttributeLocalName(i), xml.getAttributeValue(i));
            }
        }

        private void attribute(boolean qualified, boolean camunda, String name, String value) {
            if (camunda) {
                if (qualified && REFUSED_ATTRIBUTES.containsKey(name)) {
                    refuse("不允许 camunda:" + name + "：" + REFUSED_ATTRIBUTES.get(name));
                    return;
                }
                if (CLASS_ATTRIBUTES.contains(name)) {
                    if (!value.startsWith(DiagramBeans.PACKAGE)) {
                        refuse("camunda:" + name + "=\"" + value + "\" 不允许：只能使用本系统（" + DiagramBeans.PACKAGE
                            + "）的类");
                    }
                    return;
                }
                if (DELEGATE_ATTRIBUTES.contains(name)) {
                    expressions.checkDelegate(value).ifPresent(p -> refuse("camunda:" + name + "=\"" + value + "\"：" + p));
                    return;
                }
            }
            expression(name, value);
        }

        private void expression(String attribute, String text) {
            if (text == null || !text.contains("${") && !text.contains("#{")) {
                return;
            }
            String where = attribute == null ? "表达式 " : attribute + "=";
            Optional<String> problem = expressions.check(text.strip());
            problem.ifPresent(p -> refuse(where + "\"" + text.strip() + "\"：" + p));
        }

        private void refuse(String message) {
            String element = ids.isEmpty() ? null : ids.peek();
            problems.add(new Refusal((element == null || element.isEmpty() ? "" : "元素 " + element + " 的 ") + message,
                xml.getLocation().getLineNumber(), xml.getLocation().getColumnNumber(),
                element == null || element.isEmpty() ? null : element));
        }
    }

    record Refusal(String message, int line, int column, String element) implements Problem {
        @Override
        public String getMessage() {
            return message;
        }

        @Override
        public int getLine() {
            return line;
        }

        @Override
        public int getColumn() {
            return column;
        }

        @Override
        public String getMainElementId() {
            return element;
        }

        @Override
        public List<String> getElementIds() {
            return element == null ? List.of() : List.of(element);
        }
    }
}
