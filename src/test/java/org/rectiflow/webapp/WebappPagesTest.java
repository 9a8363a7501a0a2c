package org.rectiflow.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The webapps' pages (issue 17): each app's {@code index.html} is the 7.24.0 webjar's with only the document's
 * language (zh-CN), its title (整改通 · …) and, in the Tasklist, the two navbar actions no user of this product can
 * use (启动流程: no process starts from a form here; 创建任务: no one but an administrator may create a task) left out
 * through the webapps' own {@code cam-exclude-plugins}. Any other difference, such as a changed webjar, fails.
 *
 * <p>The webapps' filter writes {@code index.html} and {@code scripts/config.js} out as ISO-8859-1 (every other
 * character becomes "?"), so the Chinese there is written as HTML character references and JavaScript escapes.
 */
class WebappPagesTest {

    private static final String APP = "META-INF/resources/webjars/camunda/app/";

    @ParameterizedTest
    @CsvSource({
        "tasklist, Tasklist, 整改通 · 任务列表",
        "cockpit, Cockpit, 整改通 · 驾驶舱",
        "admin, Admin, 整改通 · 管理后台",
        "welcome, Welcome, 整改通 · 首页"})
    void theWebjarsPageWithAChineseTitleAndLanguage(String app, String english, String chinese) throws IOException {
        String ours = read(projectResource(app + "/index.html"));
        String original = read(webjarResource(app + "/index.html"));

        String expected = original.replace("<html lang=\"en\">", "<html lang=\"zh-CN\">")
            .replace("<title>Camunda " + english + "</title>", "<title>" + references(chinese) + "</title>");
        if (app.equals("tasklist")) {
            expected = expected.replace("        app-name=\"tasklist\"/>", "        app-name=\"tasklist\"\n"
                + "        cam-exclude-plugins=\"tasklist.navbar.action:start-process-action, "
                + "tasklist.navbar.action:create-task-action\"/>");
        }
        assertThat(expected).isNotEqualTo(original);
        assertThat(ours).isEqualTo(expected);
        assertThat(ours.chars().allMatch(c -> c < 128)).as("%s/index.html is ASCII", app).isTrue();
        String config = read(projectResource(app + "/scripts/config.js"));
        assertThat(config).contains("    vendor: '\\u6574\\u6539\\u901a \\u00b7'\n");
    }

    /** Each character beyond ASCII as an HTML character reference: 整 → &#25972;. */
    private static String references(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(c < 128 ? String.valueOf((char) c) : "&#" + c + ";"));
        return out.toString();
    }

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
