package org.rectiflow.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.rectiflow.support.WebTest;

/**
 * Issue 17: a page a browser cannot open answers with a page in Chinese (static/error/4xx.html), not Spring's
 * "Whitelabel Error Page".
 */
class ErrorPagesTest extends WebTest {

    @Test
    void aPageThatDoesNotExistAnswersInChinese() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/no/such/page"))
            .header("Accept", "text/html,application/xhtml+xml").header("Accept-Language", "zh-CN").GET().build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("<title>整改通 · 无法打开此页面</title>",
            "您要打开的页面不存在，或您的账号无权查看。").doesNotContain("Whitelabel");
    }
}
