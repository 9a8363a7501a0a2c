package org.rectiflow.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The Tasklist's custom scripts that make it speak Chinese where its own locale file cannot (issue 17, point 1),
 * checked against the Camunda webjar on the classpath. Plain file reading; the browser test
 * e2e/tests/i18n-tasklist.spec.js shows them at work.
 *
 * <p>{@code scripts/rectiflow/form-messages-zh.js} translates form-js's validation messages: the webjar's form-js
 * (lib/deps.js) must show exactly the messages the script knows, so a Camunda upgrade that adds or rewords one
 * fails here. {@code scripts/rectiflow/moment-locale.js} keeps moment's locale on the Tasklist's language: it relies
 * on the Tasklist's loader setting moment's locale through defineLocale/updateLocale, and on angular-moment's
 * "amMoment:localeChanged" event.
 */
class TasklistChineseScriptsTest {

    private static final String APP = "META-INF/resources/webjars/camunda/";

    /** A message form-js's validator adds to a field's errors: .push("…") or .push(`…`). */
    private static final Pattern PUSHED_MESSAGE =
            Pattern.compile("\\.push\\(([\"`])((?:Field|Value|Please)[^\"`]*)\\1");

    /** Every message form-js in the 7.24.0 webjar can show, and the part of it the script's rule matches on. */
    private static final Map<String, String> FORM_JS_MESSAGES = Map.ofEntries(
            Map.entry("Field is required.", "'Field is required.'"),
            Map.entry("Field must have minimum length of ${t.minLength}.", "/^Field must have minimum length of (.+)\\.$/"),
            Map.entry("Field must have maximum length of ${t.maxLength}.", "/^Field must have maximum length of (.+)\\.$/"),
            Map.entry("Field must have minimum value of ${t.min}.", "/^Field must have minimum value of (.+)\\.$/"),
            Map.entry("Field must have maximum value of ${t.max}.", "/^Field must have maximum value of (.+)\\.$/"),
            Map.entry("Field must match pattern ${t.pattern}.", "/^Field must match pattern .*\\.$/"),
            Map.entry("Field must be a valid  international phone number. (e.g. +4930664040900)",
                    "/^Field must be a valid {1,2}international phone number\\./"),
            Map.entry("Field must be a valid email.", "'Field must be a valid email.'"),
            Map.entry("Value is not a number.", "'Value is not a number.'"),
            // "Value is expected to " + ("be an integer" | `have at most ${n} decimal digit${n>1?"s":""}`) + "."
            Map.entry("Value is expected to ", "'Value is expected to be an integer.'"),
            Map.entry("Please select a valid value, the two nearest valid values are ${t} and ${i}.",
                    "/^Please select a valid value, the two nearest valid values are (.+) and (.+)\\.$/"));

    @Test
    void formJsShowsExactlyTheMessagesTheScriptTranslates() throws IOException {
        String deps = read(webjarResource("lib/deps.js"));
        TreeSet<String> shown = new TreeSet<>();
        Matcher m = PUSHED_MESSAGE.matcher(deps);
        while (m.find()) {
            shown.add(m.group(2));
        }
        assertThat(shown).containsExactlyInAnyOrderElementsOf(FORM_JS_MESSAGES.keySet());

        String script = read(projectResource("app/tasklist/scripts/rectiflow/form-messages-zh.js"));
        FORM_JS_MESSAGES.values().forEach(rule -> assertThat(script).as("the script's rule").contains(rule));
        assertThat(script).contains("/^Value is expected to have at most (\\d+) decimal digits?\\.$/");
    }

    @Test
    void formJsDrawsMessagesAndListButtonsWhereTheScriptLooks() throws IOException {
        String deps = read(webjarResource("lib/deps.js"));
        // it(e): <div class="fjs-form-field-error"><ul><li>message</li>…
        assertThat(deps).contains("class:\"fjs-form-field-error\",\"aria-live\":\"polite\",id:n,children:a.jsx(\"ul\","
                + "{children:t.map((e=>a.jsx(\"li\",{children:e})))})");
        assertThat(deps).contains("\"Add new\"", "\"Collapse\"", "`Expand all (${m.length})`", "window.flatpickr=");
    }

    @Test
    void theTasklistSetsMomentsLocaleThroughDefineOrUpdateLocale() throws IOException {
        String tasklist = read(webjarResource("app/tasklist/camunda-tasklist-bootstrap.js"));
        // the loader's callback, for every locale file that arrives (the chosen one and the fallback)
        assertThat(tasklist).contains("i.locales().indexOf(a)>-1?i.updateLocale(a,t.dateLocales):i.defineLocale(a,t.dateLocales)");
        assertThat(tasklist).contains("am-time-ago=\"task.due\"");
        String deps = read(webjarResource("lib/deps.js"));
        assertThat(deps).contains(".constant(\"moment\",t)", "o.$on(\"amMoment:localeChanged\"", "defineLocale(\"zh-cn\"");

        String script = read(projectResource("app/tasklist/scripts/rectiflow/moment-locale.js"));
        assertThat(script).contains("['defineLocale', 'updateLocale']", "$broadcast('amMoment:localeChanged')",
                "{zh: 'zh-cn'}");
    }

    @Test
    void theTasklistLoadsBothScripts() throws IOException {
        String config = read(projectResource("app/tasklist/scripts/config.js"));
        for (String script : List.of("form-messages-zh", "moment-locale")) {
            assertThat(config).contains("'scripts/rectiflow/" + script + "'");
            projectResource("app/tasklist/scripts/rectiflow/" + script + ".js");
        }
    }

    // --- reading

    private static URL projectResource(String path) {
        return WebappResources.project(APP + path);
    }

    private static URL webjarResource(String path) throws IOException {
        return WebappResources.webjar(APP + path);
    }

    private static String read(URL url) throws IOException {
        return WebappResources.read(url);
    }
}
