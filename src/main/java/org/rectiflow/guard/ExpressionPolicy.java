package org.rectiflow.guard;

import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What an expression in a deployed diagram may do: read process variables, compare and combine them, call the
 * engine's functions {@code now()}, {@code currentUser()} and {@code currentUserGroups()}, and call the methods
 * of the {@link DiagramFunctions} beans with such arguments. Nothing else: no property of any object (so not
 * {@code execution.processEngineServices}), no method of a variable or of a result (so not {@code getClass()}
 * and nothing reached through reflection), no other bean. A {@code camunda:delegateExpression} is exactly
 * {@code ${bean}} naming one of the application's delegates. Expressions are parsed with the engine's own
 * JUEL parser, as the engine will parse them.
 */
final class ExpressionPolicy {

    private static final Set<String> FUNCTIONS = Set.of("now", "currentUser", "currentUserGroups");
    private static final String INVALID = "不是有效的表达式";

    private final DiagramBeans beans;

    ExpressionPolicy(DiagramBeans beans) {
        this.beans = beans;
    }

    /** Why an expression (or a text holding expressions) is refused, if it is. */
    Optional<String> check(String expression) {
        Node root = parse(expression);
        return root == null ? Optional.of(INVALID) : problem(root);
    }

    /** Why a {@code camunda:delegateExpression} is refused, if it is. */
    Optional<String> checkDelegate(String expression) {
        Node root = parse(expression);
        if (root == null) {
            return Optional.of(INVALID);
        }
        if (root instanceof AstEval eval && eval.getChild(0) instanceof AstIdentifier identifier
            && beans.isDelegate(identifier.getName())) {
            return Optional.empty();
        }
        return Optional.of("委托表达式只能是 ${bean} 的形式，且只能引用本系统的委托类（元素模板中列出的）");
    }

    /** The expression's tree as the engine's own JUEL parser builds it, or null when it does not parse. */
    private static Node parse(String expression) {
        try {
            return (Node) new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS).build(expression)
                .getRoot();
        } catch (TreeBuilderException e) {
            return null;
        }
    }

    private Optional<String> problem(Node node) {
        if (node instanceof AstText || node instanceof AstString || node instanceof AstNumber
            || node instanceof AstBoolean || node instanceof AstNull) {
            return Optional.empty();
        }
        if (node instanceof AstIdentifier identifier) {
            return beans.isFunctionBean(identifier.getName())
                ? Optional.of(identifier.getName() + " 只能以调用其方法的形式使用") : Optional.empty();
        }
        if (node instanceof AstMethod method) {
            return methodProblem(method);
        }
        if (node instanceof AstFunction function) {
            String name = function.getName();
            if (!FUNCTIONS.contains(name)) {
                return Optional.of("不允许调用函数 " + name + "（只允许 now()、currentUser()、currentUserGroups()）");
            }
            return children(function);
        }
        if (node instanceof AstProperty) {
            return Optional.of("不允许读取对象的属性（" + describe(node) + "）：表达式只能读取流程变量");
        }
        if (node instanceof AstEval || node instanceof AstComposite || node instanceof AstNested
            || node instanceof AstBinary || node instanceof AstUnary || node instanceof AstChoice
            || node instanceof AstParameters) {
            return children(node);
        }
        return Optional.of("不允许的表达式成分 " + node);
    }

    private Optional<String> methodProblem(AstMethod method) {
        Node property = method.getChild(0);
        String name = property instanceof AstDot ? describe(property) : "?";
        if (property instanceof AstDot && property.getChild(0) instanceof AstIdentifier target
            && beans.isFunctionBean(target.getName())) {
            if (!beans.methods(target.getName()).contains(name)) {
                return Optional.of("不允许调用 " + target.getName() + "." + name + "（" + target.getName() + " 可调用的方法："
                    + String.join("、", beans.methods(target.getName())) + "）");
            }
            return problem(method.getChild(1));
        }
        // the innermost refused call is the one to name: in a.getClass().forName(…) it is getClass
        Optional<String> inner = property.getCardinality() > 0 ? problem(property.getChild(0)) : Optional.empty();
        return inner.isPresent() ? inner : Optional.of("不允许调用方法 " + name + "：表达式只能调用 "
            + String.join("、", beans.functionBeans()) + " 的方法");
    }

    private Optional<String> children(Node node) {
        for (int i = 0; i < node.getCardinality(); i++) {
            Optional<String> problem = problem(node.getChild(i));
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    /** A property's name: the JUEL node prints ". name" for {@code a.name} and "[...]" for {@code a[b]}. */
    private static String describe(Node property) {
        String text = property.toString();
        return text.startsWith(". ") ? text.substring(2) : text;
    }
}
