package org.rectiflow.notification;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A subject or body as a service task's element template sets it: text with placeholders such as
 * {@code {measureCode}}, filled in by the service that knows their values. A placeholder the service does not
 * offer is an error (the step fails and Cockpit shows which one), never a silent gap in a message.
 */
public final class MessageTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    private MessageTemplate() {
    }

    /** The placeholders a text names, in order of first use. */
    public static Set<String> placeholders(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The text with every placeholder replaced by its value ({@code null} as empty text). */
    public static String render(String template, Map<String, ?> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder text = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("Unknown placeholder {" + name + "} in \"" + template
                    + "\"; this step offers " + values.keySet().stream().sorted().map(k -> "{" + k + "}").toList());
            }
            Object value = values.get(name);
            m.appendReplacement(text, Matcher.quoteReplacement(value == null ? "" : value.toString()));
        }
        m.appendTail(text);
        return text.toString();
    }
}
