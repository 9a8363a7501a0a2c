package org.rectiflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.rectiflow.bulletin.ProgressBulletinProcess;
import org.rectiflow.clue.ClueHandlingProcess;
import org.rectiflow.common.Variable;
import org.rectiflow.inspection.InspectionRoundProcess;
import org.rectiflow.lookback.LookBackVariables;
import org.rectiflow.measure.MeasureExecutionProcess;
import org.rectiflow.plan.RectificationPlanProcess;
import org.rectiflow.plan.UnitPlanVariables;

/**
 * The process variables the diagrams and forms name are the ones the code declares ({@link Variable}, in each
 * diagram's constants classes): every variable an expression of a diagram reads (a gateway's condition, a
 * timer, a due date, candidate groups, a bean call's argument), every multi-instance element variable, call
 * activity input and conditional event variable, and every variable a form shows ({{name}}, a FEEL condition).
 * A name the code does not declare would be a variable nothing writes: the gateway would fail, the form show
 * nothing.
 */
class DeclaredVariablesModelTest {

    /** The constants classes of each diagram, by process id (= file name). */
    static final Map<String, List<Class<?>>> HOLDERS = Map.of(
        MeasureExecutionProcess.KEY, List.of(MeasureExecutionProcess.Variables.class),
        InspectionRoundProcess.KEY, List.of(InspectionRoundProcess.Variables.class, UnitPlanVariables.class,
            LookBackVariables.class),
        RectificationPlanProcess.KEY, List.of(RectificationPlanProcess.Variables.class),
        ClueHandlingProcess.KEY, List.of(ClueHandlingProcess.Variables.class),
        ProgressBulletinProcess.KEY, List.of(ProgressBulletinProcess.Variables.class));

    /** What an expression may name besides variables and beans. */
    private static final Set<String> EL_WORDS = Set.of("execution", "task", "true", "false", "null", "empty", "not",
        "and", "or", "eq", "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof");

    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    private static final Pattern NAME_ATTRIBUTE =
        Pattern.compile("(camunda:elementVariable|camunda:variableName|\\ssource)=\"([^\"]*)\"");
    private static final Pattern TARGET_ATTRIBUTE = Pattern.compile("\\starget=\"([^\"]*)\"");
    /** A name not after a dot (a property or method) and not before a parenthesis (a function). */
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w])([A-Za-z_]\\w*)(?!\\w|\\s*\\()");
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{([^}]*)}}");
    private static final Pattern FEEL = Pattern.compile("\"=([^\"]*)\"");

    @Test
    void everyDiagramHasItsConstantsClasses() {
        Set<String> ids = new TreeSet<>();
        ModelSources.files(ModelSources.PROCESSES, ".bpmn")
            .forEach(f -> ids.add(f.getFileName().toString().replace(".bpmn", "")));
        assertThat(HOLDERS.keySet()).as("the diagrams whose variables are declared")
            .containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void everyVariableADiagramNamesIsDeclaredForIt() throws IOException {
        Set<String> beans = ModelSources.beans().keySet();
        Set<String> everywhere = declared(HOLDERS.values().stream().flatMap(List::stream).toArray(Class<?>[]::new));
        for (Path file : ModelSources.files(ModelSources.PROCESSES, ".bpmn")) {
            String id = file.getFileName().toString().replace(".bpmn", "");
            Set<String> own = declared(HOLDERS.get(id).toArray(Class<?>[]::new));
            String xml = unescape(Files.readString(file));
            Set<String> named = new TreeSet<>();
            Matcher expression = EXPRESSION.matcher(xml);
            while (expression.find()) {
                named.addAll(identifiers(expression.group(1)));
            }
            Matcher attribute = NAME_ATTRIBUTE.matcher(xml);
            while (attribute.find()) {
                named.add(attribute.group(2));
            }
            named.removeAll(beans);
            named.removeAll(EL_WORDS);
            assertThat(own).as("the variables declared for %s, which it names", file).containsAll(named);
            Matcher target = TARGET_ATTRIBUTE.matcher(xml);
            while (target.find()) {
                assertThat(everywhere).as("%s passes %s to a called diagram, which declares it", file, target.group(1))
                    .contains(target.group(1));
            }
        }
    }

    @Test
    void everyVariableAFormShowsIsDeclared() throws IOException {
        Set<String> everywhere = declared(HOLDERS.values().stream().flatMap(List::stream).toArray(Class<?>[]::new));
        for (Path file : ModelSources.files(ModelSources.FORMS, ".form")) {
            String json = Files.readString(file);
            Set<String> named = new TreeSet<>();
            for (Pattern pattern : List.of(TEMPLATE, FEEL)) {
                Matcher m = pattern.matcher(json);
                while (m.find()) {
                    named.addAll(identifiers(m.group(1)));
                }
            }
            named.removeAll(EL_WORDS);
            // a field's condition may name another input of the same form (measure-report: 未完成's fields)
            Matcher input = Pattern.compile("\"key\"\\s*:\\s*\"(\\w+)\"").matcher(json);
            while (input.find()) {
                named.remove(input.group(1));
            }
            assertThat(everywhere).as("the declared variables, which %s shows", file).containsAll(named);
        }
    }

    private static Set<String> identifiers(String expression) {
        String code = expression.replaceAll("'[^']*'", "''").replaceAll("\"[^\"]*\"", "\"\"");
        Set<String> names = new LinkedHashSet<>();
        Matcher m = IDENTIFIER.matcher(code);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Set<String> declared(Class<?>... holders) {
        Set<String> names = new TreeSet<>();
        Variable.declaredIn(holders).forEach(v -> names.add(v.name()));
        return names;
    }

    private static String unescape(String xml) {
        return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
            .replace("&amp;", "&");
    }
}
