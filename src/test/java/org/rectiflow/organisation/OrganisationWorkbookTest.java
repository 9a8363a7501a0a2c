package org.rectiflow.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.rectiflow.identity.OrganisationRepository;
import org.rectiflow.identity.UsersFile;
import org.rectiflow.support.TestRounds;
import org.rectiflow.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The organisation as a workbook, as an office uses it over HTTP: the template ({@code GET
 * /api/organisation/template}) has the four sheets with Chinese headers and a note on each; filled in and uploaded
 * ({@code POST /api/organisation/workbook}) it takes effect at once; a bad row changes nothing and is named by
 * sheet, row and column; the current organisation ({@code GET /api/organisation/workbook}) uploaded again changes
 * nothing; only the office and the administrators may; hostile files are refused as the round's are.
 */
class OrganisationWorkbookTest extends WebTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final AtomicInteger NEXT = new AtomicInteger();

    @Autowired OrganisationRepository organisation;
    @Autowired IdentityService identityService;

    private final HttpClient http = HttpClient.newHttpClient();

    private static String suffix() {
        return "W" + System.nanoTime() % 1_000_000 + "x" + NEXT.incrementAndGet();
    }

    private HttpResponse<byte[]> get(String path, String user) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", basicAuth(user, "demo")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> upload(byte[] file, String user) throws Exception {
        String boundary = "----rectiflow" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"org.xlsx\"\r\n"
            + "Content-Type: " + XLSX + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/organisation/workbook"))
            .header("Authorization", basicAuth(user, "demo"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary).timeout(Duration.ofMinutes(1))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private byte[] template() throws Exception {
        HttpResponse<byte[]> template = get("/api/organisation/template", "officer1");
        assertThat(template.statusCode()).isEqualTo(200);
        assertThat(template.headers().firstValue("Content-Type")).hasValue(XLSX);
        return template.body();
    }

    private static void row(XSSFWorkbook workbook, String sheet, int excelRow, String... values) {
        Row row = workbook.getSheet(sheet).createRow(excelRow - 1);
        for (int c = 0; c < values.length; c++) {
            if (values[c] != null) {
                row.createCell(c).setCellValue(values[c]);
            }
        }
    }

    private static byte[] bytes(XSSFWorkbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }

    private static List<String> errors(HttpResponse<String> answer) throws Exception {
        List<String> errors = new ArrayList<>();
        JSON.readTree(answer.body()).path("errors").forEach(e -> errors.add(e.asText()));
        return errors;
    }

    private void createUser(String id) {
        User user = identityService.newUser(id);
        user.setFirstName("表");
        user.setLastName("格");
        user.setPassword("demo");
        identityService.saveUser(user);
    }

    @Test
    void theTemplateHasTheFourSheetsWithChineseHeadersAndANoteOnEachColumn() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template()))) {
            List<String> sheets = new ArrayList<>();
            workbook.forEach(sheet -> sheets.add(sheet.getSheetName()));
            assertThat(sheets).containsExactly("角色组", "单位", "重点整改组", "人员");
            assertThat(headers(workbook.getSheet("角色组"))).containsExactly("编号", "名称", "监督全部单位");
            assertThat(headers(workbook.getSheet("单位"))).containsExactly("编号", "名称", "类别", "上级单位", "已撤销", "并入单位");
            assertThat(headers(workbook.getSheet("重点整改组"))).containsExactly("编号", "名称", "牵头单位");
            assertThat(headers(workbook.getSheet("人员")))
                .containsExactly("用户名", "姓名", "职务", "所在单位", "单位角色", "所属组");
            assertThat(workbook.getSheet("单位").getRow(0).getCell(2).getCellComment().getString().getString())
                .isEqualTo("选填，至多20字，如：机关部门、直属单位、下级党组织、乡镇（街道）。留空即无类别。");
            for (Sheet sheet : workbook) {
                assertThat(sheet.getLastRowNum()).as(sheet.getSheetName() + ": no data").isZero();
                sheet.getRow(0).forEach(cell -> assertThat(cell.getCellComment()).as(cell.getStringCellValue())
                    .isNotNull());
            }
        }
    }

    private static List<String> headers(Sheet sheet) {
        List<String> headers = new ArrayList<>();
        sheet.getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
        return headers;
    }

    @Test
    void aFilledTemplateTakesEffectAtOnce() throws Exception {
        String s = suffix();
        String person = "wb" + s;
        createUser(person);
        byte[] file;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template()))) {
            row(workbook, "单位", 2, "town" + s, "乡镇" + s, "乡镇（街道）", "县委" + s);
            row(workbook, "单位", 3, "county" + s, "县委" + s, "下级党组织", null, "否");
            row(workbook, "重点整改组", 2, "kg" + s, "基层治理" + s, "乡镇" + s);
            row(workbook, "人员", 2, person, null, "联络员", "乡镇" + s, "联络员", "基层治理" + s + "、office");
            file = bytes(workbook);
        }

        HttpResponse<String> answer = upload(file, "officer1");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode units = JSON.readTree(answer.body()).path("units");
        assertThat(units.toString()).contains(("{\"code\":\"town%1$s\",\"name\":\"乡镇%1$s\",\"kind\":\"乡镇（街道）\","
            + "\"parent\":\"county%1$s\",\"retired\":false}").formatted(s));
        assertThat(organisation.keyGroup("kg" + s)).hasValueSatisfying(k -> assertThat(k.leadUnitCode())
            .isEqualTo("town" + s));
        assertThat(organisation.unitMembers("town" + s, UsersFile.UnitRole.LIAISON)).containsExactly(person);
        assertThat(identityService.createUserQuery().memberOfGroup("kg" + s).userId(person).count()).isOne();
        assertThat(identityService.createUserQuery().memberOfGroup("office").userId(person).count()).isOne();
    }

    @Test
    void aBadRowChangesNothingAndIsNamedBySheetRowAndColumn() throws Exception {
        String s = suffix();
        byte[] file;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template()))) {
            row(workbook, "单位", 2, "fine" + s, "好单位" + s);
            row(workbook, "单位", 3, "loop" + s, "循环" + s, null, "无此单位" + s);
            row(workbook, "单位", 4, "bad-" + s, "坏编号");
            row(workbook, "重点整改组", 2, "kg" + s, "无牵头" + s);
            row(workbook, "人员", 2, TestRounds.LIAISON, null, null, "siming", "组长");
            file = bytes(workbook);
        }

        HttpResponse<String> refused = upload(file, "officer1");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).path("message").asText())
            .isEqualTo("工作簿未通过校验，组织机构未作任何更改");
        assertThat(errors(refused)).containsExactly("人员 第2行 单位角色: 应为 联络员 或 负责人，而非「组长」");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            workbook.getSheet("人员").getRow(1).getCell(4).setCellValue("联络员");
            file = bytes(workbook);
        }
        HttpResponse<String> again = upload(file, "officer1");

        assertThat(again.statusCode()).as(again.body()).isEqualTo(400);
        assertThat(errors(again)).containsExactly(
            "单位 第3行 上级单位: 未知的单位「无此单位%s」".formatted(s),
            "单位 第4行 编号: 编号「bad-%s」只能由英文字母和数字组成（不超过64个）".formatted(s),
            "重点整改组 第2行 牵头单位: 请填写牵头单位");
        assertThat(organisation.unit("fine" + s)).as("nothing changed").isEmpty();
        assertThat(identityService.createGroupQuery().groupId("fine" + s).count()).isZero();
    }

    @Test
    void theCurrentOrganisationDownloadedAndUploadedAgainChangesNothing() throws Exception {
        String s = suffix();
        HttpResponse<String> merged = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/organisation")).header("Authorization", basicAuth("officer1", "demo"))
            .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("""
                {"units": [{"code": "keep%1$s", "name": "留%1$s", "kind": "机关部门"},
                           {"code": "gone%1$s", "name": "并%1$s", "parent": "keep%1$s"}]}""".formatted(s))).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/organisation"))
            .header("Authorization", basicAuth("officer1", "demo")).header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString("{\"units\": [{\"code\": \"gone%s\", \"mergedInto\": \"keep%s\"}]}"
                .formatted(s, s))).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        JsonNode before = JSON.readTree(get("/api/organisation", "officer1").body());

        HttpResponse<byte[]> current = get("/api/organisation/workbook", "demo");
        assertThat(current.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(current.body()))) {
            assertThat(workbook.getSheet("单位").getLastRowNum()).isEqualTo(before.path("units").size());
            assertThat(workbook.getSheet("人员").getLastRowNum()).isEqualTo(before.path("people").size());
        }
        HttpResponse<String> again = upload(current.body(), "officer1");

        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(JSON.readTree(again.body())).isEqualTo(before);
        assertThat(JSON.readTree(get("/api/organisation", "officer1").body())).isEqualTo(before);
    }

    @Test
    void onlyTheOfficeAndTheAdministratorsMayUseTheWorkbook() throws Exception {
        byte[] file = template();
        assertThat(get("/api/organisation/template", TestRounds.LIAISON).statusCode()).isEqualTo(403);
        assertThat(get("/api/organisation/workbook", "chief").statusCode()).isEqualTo(403);
        assertThat(upload(file, TestRounds.LIAISON).statusCode()).isEqualTo(403);
        assertThat(get("/api/organisation/template", "demo").statusCode()).isEqualTo(200);
        assertThat(upload(file, "demo").statusCode()).as("an empty workbook: nothing to change").isEqualTo(200);
    }

    @Test
    void aFileThatIsNotAWorkbookOrHidesAnExternalEntityIsRefused() throws Exception {
        HttpResponse<String> text = upload("编号,名称\nx,y".getBytes(StandardCharsets.UTF_8), "officer1");
        assertThat(text.statusCode()).isEqualTo(400);
        assertThat(errors(text)).containsExactly("文件不是有效的xlsx工作簿");

        byte[] xxe = withPart(template(), "xl/worksheets/sheet2.xml", xml -> {
            int root = xml.indexOf("<worksheet");
            return xml.substring(0, root) + "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + xml.substring(root).replace("<sheetData>", "<sheetData>&xxe;");
        });
        HttpResponse<String> refused = upload(xxe, "officer1");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(errors(refused)).containsExactly("工作表「单位」（xl/worksheets/sheet2.xml）: "
            + "含有外部实体声明（DOCTYPE 中的 SYSTEM 或 PUBLIC 实体，XXE），不予读取");
    }

    private static byte[] withPart(byte[] xlsx, String part, java.util.function.UnaryOperator<String> change)
        throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals(part)) {
                    content = change.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
