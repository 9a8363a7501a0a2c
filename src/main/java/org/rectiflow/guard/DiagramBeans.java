package org.rectiflow.guard;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * The beans a diagram may reach: the application's delegates and listeners (by name, in
 * {@code camunda:delegateExpression}) and the {@link DiagramFunctions} beans with the methods their classes
 * declare. The engine's expressions resolve these names and no other bean ({@link #asExpressionBeans}), so
 * neither {@code dataSource} nor {@code environment} nor any other bean of the application is reachable.
 */
final class DiagramBeans {

    static final String PACKAGE = "org.rectiflow.";

    private final ListableBeanFactory beans;
    private final Set<String> delegates;
    private final Map<String, Set<String>> functions;

    private DiagramBeans(ListableBeanFactory beans, Set<String> delegates, Map<String, Set<String>> functions) {
        this.beans = beans;
        this.delegates = delegates;
        this.functions = functions;
    }

    static DiagramBeans of(ListableBeanFactory beans) {
        Set<String> delegates = new TreeSet<>();
        for (Class<?> type : new Class<?>[] {JavaDelegate.class, ExecutionListener.class, TaskListener.class}) {
            for (String name : beans.getBeanNamesForType(type, true, false)) {
                Class<?> beanType = beans.getType(name, false);
                if (beanType != null && beanType.getName().startsWith(PACKAGE)) {
                    delegates.add(name);
                }
            }
        }
        Map<String, Set<String>> functions = new LinkedHashMap<>();
        for (String name : beans.getBeanNamesForAnnotation(DiagramFunctions.class)) {
            Class<?> beanType = ClassUtils.getUserClass(beans.getType(name, false));
            functions.put(name, Arrays.stream(beanType.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())
                    && !m.isSynthetic() && !m.isBridge())
                .map(Method::getName).collect(Collectors.toCollection(TreeSet::new)));
        }
        return new DiagramBeans(beans, delegates, functions);
    }

    boolean isDelegate(String name) {
        return delegates.contains(name);
    }

    boolean isFunctionBean(String name) {
        return functions.containsKey(name);
    }

    Set<String> methods(String bean) {
        return functions.getOrDefault(bean, Set.of());
    }

    Set<String> functionBeans() {
        return functions.keySet();
    }

    /**
     * The beans for the engine's expression manager: only these names resolve, each looked up when an expression
     * is evaluated (so a prototype delegate is a new instance each time, as with Spring's own resolver).
     */
    Map<Object, Object> asExpressionBeans() {
        Set<Object> names = new java.util.HashSet<>();
        names.addAll(delegates);
        names.addAll(functions.keySet());
        return new AbstractMap<>() {
            @Override
            public boolean containsKey(Object key) {
                return names.contains(key);
            }

            @Override
            public Object get(Object key) {
                return names.contains(key) ? beans.getBean((String) key) : null;
            }

            @Override
            public Set<Object> keySet() {
                return names;
            }

            @Override
            public Set<Entry<Object, Object>> entrySet() {
                return names.stream().map(name -> Map.entry(name, beans.getBean((String) name)))
                    .collect(Collectors.toSet());
            }
        };
    }
}
