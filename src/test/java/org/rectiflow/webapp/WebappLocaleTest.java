package org.rectiflow.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Simplified Chinese locale of the Camunda webapps (Tasklist, Cockpit, Admin, Welcome), checked against
 * the English files of the Camunda webjar on the classpath. Plain file reading, no Spring context.
 *
 * <p>The webapps pick a locale from the first primary language subtag of the browser
 * ({@code navigator.languages[0]}, "zh-CN" → "zh") among {@code availableLocales} of the app's
 * {@code scripts/config.js}, so the file is {@code locales/zh.json} and the key listed is {@code "zh"}
 * (docs/webapp-locales.md).
 *
 * <p>Coverage: all four apps are complete, every key of the webjar's {@code en.json} is translated. The
 * only values allowed to be empty are the ones that are empty in English and the English plural suffix
 * "s" (PLGN_*_S, appended to "instance"; Chinese has no plural form). The only keys beyond English are the
 * project's own, listed in {@link #OWN_KEYS}.
 */
class WebappLocaleTest {

    private static final String APP = "META-INF/resources/webjars/camunda/app/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");
    /** moment.js relative-time markers and angular-translate pluralisation marker */
    private static final Pattern FORMAT_MARKER = Pattern.compile("%[ds]|\\{}");
    /** Real markup only: "<null>", "<Operation>" and the like are text, not tags. */
    private static final Pattern HTML_TAG =
            Pattern.compile("</?(?:a|b|br|code|em|i|li|ol|p|span|strong|ul)\\b[^>]*>");
    private static final Pattern CJK = Pattern.compile("[\\p{IsHan}]");
    private static final Pattern LETTER = Pattern.compile("[A-Za-z]");
    private static final String PLURAL_SUFFIX = "s";

    /**
     * Keys the project adds for texts of its own: the placeholder of its password rule against common
     * passwords (identity/PasswordRules), which Admin and the Welcome page's profile translate.
     */
    private static final Map<String, List<String>> OWN_KEYS = Map.of(
            "admin", List.of("labels.PASSWORD_POLICY_COMMON"),
            "welcome", List.of("labels.PASSWORD_POLICY_COMMON"));

    private static final Pattern LOCALES_BLOCK = Pattern.compile(
            "(?m)^\\s*locales:\\s*\\{\\s*availableLocales:\\s*\\[([^]]*)],\\s*fallbackLocale:\\s*'([^']*)'\\s*},?");

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyEnglishKeyHasAChineseValueAndNoMore(String app) throws IOException {
        Map<String, JsonNode> english = flatten(readJson(webjarResource(app + "/locales/en.json")));
        Map<String, JsonNode> chinese = flatten(readJson(projectResource(app + "/locales/zh.json")));

        List<String> own = OWN_KEYS.getOrDefault(app, List.of());
        for (String key : own) {
            assertThat(english).as("the project's own key %s is not Camunda's", key).doesNotContainKey(key);
            assertThat(chinese).containsKey(key);
            assertThat(CJK.matcher(chinese.get(key).asText()).find()).as("%s is Chinese", key).isTrue();
        }
        assertThat(chinese.keySet().stream().filter(key -> !own.contains(key)).toList())
                .as("keys of %s zh.json", app).containsExactlyInAnyOrderElementsOf(english.keySet());

        List<String> problems = new ArrayList<>();
        english.forEach((key, en) -> {
            JsonNode zh = chinese.get(key);
            if (en.getNodeType() != zh.getNodeType()) {
                problems.add(key + ": " + en.getNodeType() + " in English, " + zh.getNodeType() + " in Chinese");
                return;
            }
            if (!en.isTextual()) {
                return;
            }
            String e = en.asText();
            String z = zh.asText();
            if (!e.isBlank() && z.isBlank() && !PLURAL_SUFFIX.equals(e)) {
                problems.add(key + ": blank");
            }
            for (String placeholder : matches(PLACEHOLDER, e)) {
                if (!normalise(matches(PLACEHOLDER, z)).contains(placeholder.replace(" ", ""))) {
                    problems.add(key + ": lacks " + placeholder);
                }
            }
            if (!sorted(matches(FORMAT_MARKER, e)).equals(sorted(matches(FORMAT_MARKER, z)))) {
                problems.add(key + ": format markers " + matches(FORMAT_MARKER, e) + " vs " + matches(FORMAT_MARKER, z));
            }
            if (!sorted(matches(HTML_TAG, e)).equals(sorted(matches(HTML_TAG, z)))) {
                problems.add(key + ": markup " + matches(HTML_TAG, e) + " vs " + matches(HTML_TAG, z));
            }
        });
        assertThat(problems).as("%s zh.json", app).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void theChineseValuesAreChinese(String app) throws IOException {
        Map<String, JsonNode> english = flatten(readJson(webjarResource(app + "/locales/en.json")));
        Map<String, JsonNode> chinese = flatten(readJson(projectResource(app + "/locales/zh.json")));

        long withLetters = 0;
        long withHan = 0;
        for (Map.Entry<String, JsonNode> entry : english.entrySet()) {
            if (entry.getValue().isTextual() && LETTER.matcher(entry.getValue().asText()).find()) {
                withLetters++;
                if (CJK.matcher(chinese.get(entry.getKey()).asText()).find()) {
                    withHan++;
                }
            }
        }
        assertThat(withLetters).isPositive();
        assertThat((double) withHan / withLetters)
                .as("%s: share of the values with letters in English that hold Chinese characters (%d of %d)",
                        app, withHan, withLetters)
                .isGreaterThanOrEqualTo(0.9);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void configOffersChineseAndFallsBackToEnglish(String app) throws IOException {
        String config = read(projectResource(app + "/scripts/config.js"));

        Matcher locales = LOCALES_BLOCK.matcher(config);
        assertThat(locales.find()).as("%s config.js sets locales", app).isTrue();
        assertThat(locales.group(1).split(","))
                .extracting(s -> s.trim().replace("'", "").replace("\"", ""))
                .containsExactly("zh", "en");
        assertThat(locales.group(2)).isEqualTo("en");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void configKeepsEveryOtherSettingOfTheWebjars(String app) throws IOException {
        String ours = read(projectResource(app + "/scripts/config.js"));
        String original = read(webjarResource(app + "/scripts/config.js"));

        String oursWithoutLocales = ours.replaceFirst(
                "(?m)^  // Rectiflow: [^\\n]*\\n(?:  //[^\\n]*\\n)*  locales: \\{\\n(?:    [^\\n]*\\n)*  },\\n", "");
        String originalWithoutLocales = original.replaceFirst(
                "(?m)^  // ['\"]locales['\"]: \\{\\n(?:  //[^\\n]*\\n)*?  // ?\\s*},\\n", "");
        assertThat(oursWithoutLocales).isNotEqualTo(ours);
        assertThat(originalWithoutLocales).isNotEqualTo(original);
        // the app's name and vendor (the page's title, WebappPagesTest), in place of the example
        String brand = "(?m)^  // Rectiflow: the page's title[^\\n]*\\n  app: \\{\\n    name: '[^']*',\\n"
            + "    vendor: '\\\\u6574\\\\u6539\\\\u901a \\\\u00b7'\\n  },\\n";
        assertThat(oursWithoutLocales).containsPattern(brand);
        oursWithoutLocales = oursWithoutLocales.replaceFirst(brand, "");
        String brandExample = "(?m)^  // app: \\{\\n  //   name: '[^']*',\\n  //   vendor: 'Company'\\n  // },\\n";
        assertThat(originalWithoutLocales).containsPattern(brandExample);
        originalWithoutLocales = originalWithoutLocales.replaceFirst(brandExample, "");
        if (app.equals("tasklist")) {
            // the Tasklist's custom scripts (scripts/rectiflow/dynamic-list-validity.js, the evidence tab
            // scripts/rectiflow/evidence-tab.js, form-js's messages form-messages-zh.js and moment's locale
            // moment-locale.js), in place of the example
            String script = "(?m)^  // Rectiflow: [^\\n]*\\n(?:  //[^\\n]*\\n)*  customScripts: \\['scripts/rectiflow/dynamic-list-validity', "
                + "'scripts/rectiflow/evidence-tab',\\n    'scripts/rectiflow/form-messages-zh', 'scripts/rectiflow/moment-locale'\\],\\n";
            assertThat(oursWithoutLocales).containsPattern(script);
            oursWithoutLocales = oursWithoutLocales.replaceFirst(script, "");
            String example = "(?m)^  // customScripts: \\[\\n(?:  //[^\\n]*\\n)*?  // \\],\\n";
            assertThat(originalWithoutLocales).containsPattern(example);
            originalWithoutLocales = originalWithoutLocales.replaceFirst(example, "");
            projectResource("tasklist/scripts/rectiflow/dynamic-list-validity.js"); // from the project, not a jar
            projectResource("tasklist/scripts/rectiflow/evidence-tab.js");
            projectResource("tasklist/scripts/rectiflow/form-messages-zh.js");
            projectResource("tasklist/scripts/rectiflow/moment-locale.js");
        }
        if (app.equals("cockpit")) {
            // Cockpit's custom scripts (scripts/rectiflow/permissions.js: write actions by the user's permissions,
            // the date formats; titles.js: titles in Chinese; bottlenecks.js: the overlays and the tab 瓶颈) in
            // place of the example, and the date formats it applies
            String script = "(?m)^  // Rectiflow: [^\\n]*\\n  customScripts: \\['scripts/rectiflow/permissions', "
                + "'scripts/rectiflow/titles', 'scripts/rectiflow/bottlenecks'\\],\\n"
                + "  // Rectiflow: [^\\n]*\\n  dateFormat: \\{\\n(?:    [^\\n]*\\n)*  },\\n";
            assertThat(oursWithoutLocales).containsPattern(script);
            oursWithoutLocales = oursWithoutLocales.replaceFirst(script, "");
            String example = "(?m)^  // customScripts: \\[\\n(?:  //[^\\n]*\\n)*?  // \\],\\n";
            assertThat(originalWithoutLocales).containsPattern(example);
            originalWithoutLocales = originalWithoutLocales.replaceFirst(example, "");
            projectResource("cockpit/scripts/rectiflow/permissions.js");
            projectResource("cockpit/scripts/rectiflow/titles.js");
            projectResource("cockpit/scripts/rectiflow/bottlenecks.js");
        }
        if (app.equals("welcome")) {
            // the product's own link (巡察整改看板) before the example, which stays
            String links = "(?m)^  // Rectiflow: [^\\n]*\\n(?:  //[^\\n]*\\n)*  links: \\[\\n(?:    [^\\n]*\\n)*  \\],\\n";
            assertThat(oursWithoutLocales).containsPattern(links);
            oursWithoutLocales = oursWithoutLocales.replaceFirst(links, "");
        }
        assertThat(oursWithoutLocales).isEqualTo(originalWithoutLocales);
    }

    // --- reading

    /** The project's own file (target/classes comes first on the classpath and shadows the webjar). */
    private static URL projectResource(String path) {
        return WebappResources.project(APP + path);
    }

    /** The Camunda webjar's file, even where the project shadows it. */
    private static URL webjarResource(String path) throws IOException {
        return WebappResources.webjar(APP + path);
    }

    private static String read(URL url) throws IOException {
        return WebappResources.read(url);
    }

    private static JsonNode readJson(URL url) throws IOException {
        return JSON.readTree(read(url));
    }

    /** "labels.KEY", "dateLocales.months[0]", … → the leaf */
    private static Map<String, JsonNode> flatten(JsonNode node) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        flatten("", node, leaves);
        return leaves;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> leaves) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), leaves);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), leaves);
            }
        } else {
            leaves.put(prefix, node);
        }
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static List<String> normalise(List<String> placeholders) {
        return placeholders.stream().map(p -> p.replace(" ", "")).toList();
    }

    private static List<String> sorted(List<String> list) {
        return list.stream().sorted().toList();
    }
}
