package org.rectiflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rectiflow.support.WebTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 17: the API UI at /api/docs shows Chinese wherever springdoc lets the application word it: the title and
 * description, every group (tag) with its description, every operation's summary, and the page's title and language.
 */
class ApiDocsInChineseTest extends WebTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Latin words a Chinese office writes as they are: product and format names. */
    private static final String PRODUCT_NAMES = "Word|Excel|JSON|HTTP";

    @Test
    void theDescriptionsTitleGroupsAndSummariesAreChinese() throws Exception {
        JsonNode docs = JSON.readTree(get("/api/openapi").body());

        assertThat(docs.at("/info/title").asText()).isEqualTo("整改通 接口");
        assertThat(docs.at("/info/description").asText()).startsWith("巡察整改：反馈登记、台账、整改进展报告与汇总数据。")
            .doesNotContainPattern("[A-Za-z]{3,}");
        List<String> groups = new ArrayList<>();
        docs.get("tags").forEach(tag -> groups.add(tag.get("name").asText()));
        assertThat(groups).contains("巡察轮次登记", "整改台账", "佐证材料", "组织机构")
            .allSatisfy(name -> assertThat(name).doesNotContainPattern("[A-Za-z]"));
        docs.get("tags").forEach(tag -> assertThat(tag.path("description").asText().replaceAll(PRODUCT_NAMES, ""))
            .isNotBlank().doesNotContainPattern("[A-Za-z]{3,}"));
        List<String> unnamed = new ArrayList<>();
        docs.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String summary = operation.getValue().path("summary").asText("");
            if (summary.isBlank() || summary.replaceAll(PRODUCT_NAMES, "").matches(".*[A-Za-z]{3,}.*")) {
                unnamed.add(operation.getKey() + " " + path.getKey());
            }
            operation.getValue().path("tags").forEach(tag -> assertThat(groups).contains(tag.asText()));
        }));
        assertThat(unnamed).as("operations without a Chinese summary").isEmpty();
        assertThat(docs.at("/paths/~1api~1rounds~1{code}~1ledger.xlsx/get/summary").asText()).isEqualTo("导出整改台账");
    }

    @Test
    void thePageIsTitledInChineseAndMarkedAsChinese() throws Exception {
        HttpResponse<String> page = get("/api/swagger-ui/index.html");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"zh-CN\">")
            .contains("<title>&#25972;&#25913;&#36890; &#183; &#25509;&#21475;&#25991;&#26723;</title>")
            .doesNotContain("<title>Swagger UI</title>");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basicAuth("simingLiaison", "demo")).GET().build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
