package org.rectiflow.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springdoc.core.properties.SwaggerUiOAuthProperties;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springdoc.webmvc.ui.SwaggerIndexPageTransformer;
import org.springdoc.webmvc.ui.SwaggerIndexTransformer;
import org.springdoc.webmvc.ui.SwaggerWelcomeCommon;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.ResourceTransformerChain;
import org.springframework.web.servlet.resource.TransformedResource;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;

/**
 * The OpenAPI description of {@code /api/**} (springdoc), served at {@code /api/openapi} with its UI at
 * {@code /api/docs}: both behind the same HTTP Basic login as the API itself. What a reader of the UI sees that the
 * library lets us word is Chinese (issue 17): the title and description, the groups (tags, one per controller, named
 * in {@link #TAGS}), each operation's summary ({@link #SUMMARIES}, by method and path), and the page's title and
 * language ({@link #swaggerIndexTransformer}). Swagger UI's own buttons and headings stay English (docs/api.md).
 */
@Configuration
public class OpenApiConfig {

    /** The page title of /api/docs: 整改通 · 接口文档, as HTML character references (any charset serves it). */
    static final String PAGE_TITLE = "&#25972;&#25913;&#36890; &#183; &#25509;&#21475;&#25991;&#26723;";

    /** The controllers' tags (springdoc names them after the class) and the group each becomes, with its text. */
    static final Map<String, Tag> TAGS = tags(
        "round-import-controller", "巡察轮次登记", "登记巡察反馈（JSON 或 Excel 工作簿），下载登记模板；仅整改专班可登记",
        "round-not-done-controller", "未完成措施登记", "整改专班在撰写整改情况报告时登记尚未完成的措施",
        "mechanism-import-controller", "制度机制", "本轮次的制度机制：登记（JSON 或 Excel 工作簿）、查看、下载模板",
        "round-summary-controller", "汇总数据", "某轮次的整改汇总数据，按当前用户可见范围统计",
        "report-controller", "整改进展报告", "整改进展情况通报（网页与 Word 文档）",
        "dashboard-controller", "看板", "整改看板及其所用数据",
        "bottleneck-controller", "瓶颈", "流程各环节的待办数量、等待时长、办理时长与超期情况（驾驶舱瓶颈插件所用），按当前用户可见范围统计",
        "ledger-controller", "整改台账", "整改台账 Excel 工作簿，按当前用户可见范围导出",
        "measure-transfer-controller", "措施转办", "将未办结的整改措施转至其他单位办理；仅整改专班",
        "organisation-controller", "组织机构", "单位、重点整改组、人员与角色的查看和维护（JSON 或 Excel 工作簿）；仅整改专班与系统管理员",
        "archive-controller", "档案", "问题与轮次的整改档案（压缩包）",
        "evidence-store-controller", "佐证材料存储核对", "对象存储与台账中佐证材料的核对；仅整改专班与系统管理员",
        "task-evidence-controller", "任务的佐证材料", "任务列表中“佐证材料”页签所示的材料",
        "evidence-controller", "佐证材料", "上传、查看、下载和删除整改措施、单位整改方案、线索核实、回头看核查和制度机制的佐证材料");

    /** Each operation's summary, by "METHOD path" as the description lists it. */
    static final Map<String, String> SUMMARIES = Map.ofEntries(
        Map.entry("POST /api/rounds", "登记巡察反馈并启动整改流程"),
        Map.entry("GET /api/rounds", "可查看的巡察轮次"),
        Map.entry("GET /api/rounds/template.xlsx", "下载巡察反馈登记模板"),
        Map.entry("POST /api/rounds/{code}/not-done", "登记报告时尚未完成的措施"),
        Map.entry("POST /api/rounds/{code}/mechanisms", "登记本轮次的制度机制"),
        Map.entry("GET /api/rounds/{code}/mechanisms", "查看本轮次的制度机制"),
        Map.entry("GET /api/rounds/{code}/mechanisms/template", "下载制度机制登记模板"),
        Map.entry("GET /api/rounds/{code}/summary", "轮次汇总数据"),
        Map.entry("GET /api/rounds/{code}/report.html", "整改进展情况通报（网页）"),
        Map.entry("GET /api/rounds/{code}/report.docx", "整改进展情况通报（Word 文档）"),
        Map.entry("GET /api/dashboard", "整改看板"),
        Map.entry("GET /api/dashboard.js", "看板脚本"),
        Map.entry("GET /api/dashboard.css", "看板样式"),
        Map.entry("GET /api/bottlenecks/process-definitions/{id}", "流程定义各环节的瓶颈数据"),
        Map.entry("GET /api/bottlenecks/process-instances/{id}", "流程实例的待办环节与未办结措施"),
        Map.entry("GET /api/rounds/{code}/ledger.xlsx", "导出整改台账"),
        Map.entry("POST /api/measures/{code}/transfer", "转办整改措施"),
        Map.entry("GET /api/organisation", "查看组织机构"),
        Map.entry("PUT /api/organisation", "新增或修改组织机构"),
        Map.entry("GET /api/organisation/template", "下载组织机构模板"),
        Map.entry("GET /api/organisation/workbook", "导出当前组织机构工作簿"),
        Map.entry("POST /api/organisation/workbook", "以工作簿修改组织机构"),
        Map.entry("GET /api/rounds/{code}/problems/{problemRef}/archive.zip", "下载某问题的整改档案"),
        Map.entry("GET /api/rounds/{code}/archive.zip", "下载本轮次的整改档案"),
        Map.entry("GET /api/evidence-store/check", "核对佐证材料存储"),
        Map.entry("GET /api/tasks/{taskId}/evidence", "任务的佐证材料"),
        Map.entry("POST /api/measures/{code}/evidence", "上传整改措施的佐证材料"),
        Map.entry("GET /api/measures/{code}/evidence", "整改措施的佐证材料列表"),
        Map.entry("GET /api/measures/{code}/evidence/{id}", "下载整改措施的一份佐证材料"),
        Map.entry("DELETE /api/measures/{code}/evidence/{id}", "删除整改措施的一份待提交佐证材料"),
        Map.entry("POST /api/rounds/{code}/units/{unit}/plan/evidence", "上传单位整改方案的佐证材料"),
        Map.entry("GET /api/rounds/{code}/units/{unit}/plan/evidence", "单位整改方案的佐证材料列表"),
        Map.entry("GET /api/rounds/{code}/units/{unit}/plan/evidence/{id}", "下载单位整改方案的一份佐证材料"),
        Map.entry("DELETE /api/rounds/{code}/units/{unit}/plan/evidence/{id}", "删除单位整改方案的一份待提交佐证材料"),
        Map.entry("POST /api/clues/{code}/evidence", "上传线索的核实材料"),
        Map.entry("GET /api/clues/{code}/evidence", "线索的核实材料列表"),
        Map.entry("GET /api/clues/{code}/evidence/{id}", "下载线索的一份核实材料"),
        Map.entry("DELETE /api/clues/{code}/evidence/{id}", "删除线索的一份待提交核实材料"),
        Map.entry("POST /api/rounds/{code}/look-backs/{measure}/evidence", "上传回头看核查的佐证材料"),
        Map.entry("GET /api/rounds/{code}/look-backs/{measure}/evidence", "回头看核查的佐证材料列表"),
        Map.entry("GET /api/rounds/{code}/look-backs/{measure}/evidence/{id}", "下载回头看核查的一份佐证材料"),
        Map.entry("DELETE /api/rounds/{code}/look-backs/{measure}/evidence/{id}", "删除回头看核查的一份待提交佐证材料"),
        Map.entry("POST /api/mechanisms/{mechanism}/evidence", "上传制度机制的制度文件"),
        Map.entry("GET /api/mechanisms/{mechanism}/evidence", "制度机制的制度文件列表"),
        Map.entry("GET /api/mechanisms/{mechanism}/evidence/{id}", "下载制度机制的一份制度文件"),
        Map.entry("DELETE /api/mechanisms/{mechanism}/evidence/{id}", "删除制度机制的一份制度文件"));

    @Bean
    public OpenAPI rectiflowOpenApi() {
        return new OpenAPI()
            .info(new Info().title("整改通 接口").version("1")
                .description("巡察整改：反馈登记、台账、整改进展报告与汇总数据。各单位用户只能看到本单位的数据；"
                    + "只有整改专班可以登记巡察轮次。请以系统账号和密码登录。"))
            .components(new Components().addSecuritySchemes("basic",
                new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic").description("系统账号和密码")))
            .addSecurityItem(new SecurityRequirement().addList("basic"));
    }

    /** The groups and summaries in Chinese, on the description springdoc built from the controllers. */
    @Bean
    public OpenApiCustomizer chineseTagsAndSummaries() {
        return openApi -> {
            if (openApi.getPaths() != null) {
                openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                    word(path, method, operation)));
            }
            List<Tag> used = TAGS.values().stream().filter(tag -> openApi.getPaths() != null && openApi.getPaths()
                .values().stream().flatMap(item -> item.readOperations().stream())
                .anyMatch(op -> op.getTags() != null && op.getTags().contains(tag.getName()))).toList();
            openApi.setTags(used.isEmpty() ? null : new java.util.ArrayList<>(used));
        };
    }

    private static void word(String path, PathItem.HttpMethod method, Operation operation) {
        String summary = SUMMARIES.get(method.name() + " " + path);
        if (summary != null) {
            operation.setSummary(summary);
        }
        if (operation.getTags() != null) {
            operation.setTags(operation.getTags().stream()
                .map(tag -> TAGS.containsKey(tag) ? TAGS.get(tag).getName() : tag).toList());
        }
    }

    /**
     * Swagger UI's page: springdoc's own transformer of its initializer, and for {@code index.html} the page's title
     * (整改通 · 接口文档) and language (zh-CN) instead of "Swagger UI" and "en".
     */
    @Bean
    public SwaggerIndexTransformer swaggerIndexTransformer(SwaggerUiConfigProperties config,
                                                           SwaggerUiOAuthProperties oauth,
                                                           SwaggerWelcomeCommon welcome,
                                                           ObjectMapperProvider objectMapper) {
        return new SwaggerIndexPageTransformer(config, oauth, welcome, objectMapper) {
            @Override
            public Resource transform(HttpServletRequest request, Resource resource, ResourceTransformerChain chain)
                throws IOException {
                if (!"index.html".equals(resource.getFilename())) {
                    return super.transform(request, resource, chain);
                }
                String html = new String(resource.getContentAsByteArray(), StandardCharsets.UTF_8)
                    .replace("<html lang=\"en\">", "<html lang=\"zh-CN\">")
                    .replace("<title>Swagger UI</title>", "<title>" + PAGE_TITLE + "</title>");
                return new TransformedResource(resource, html.getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    private static Map<String, Tag> tags(String... entries) {
        Map<String, Tag> tags = new LinkedHashMap<>();
        for (int i = 0; i < entries.length; i += 3) {
            tags.put(entries[i], new Tag().name(entries[i + 1]).description(entries[i + 2]));
        }
        return tags;
    }
}
