package org.rectiflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rectiflow.support.RoundWorkbookFiles;
import org.rectiflow.support.TestRounds;
import org.rectiflow.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Workbooks built to hurt the reader, each made here in memory from the filled template and uploaded by the office
 * ({@code POST /api/rounds}): a cell that expands to millions of characters, too many shared strings, parts that
 * expand past the limit, a zip bomb, XXE, entity expansion, invalid UTF-8, broken XML. Each is refused with 400
 * naming the problem (and where it is), nothing is registered and the log shows no stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileWorkbookTest extends WebTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    /** The parts POI gives the template's sheets, in their order. */
    private static final String ROUND_PART = "xl/worksheets/sheet1.xml";
    private static final String PROBLEM_PART = "xl/worksheets/sheet2.xml";
    private static final String MEASURE_PART = "xl/worksheets/sheet3.xml";
    private static final String SHARED_STRINGS = "xl/sharedStrings.xml";

    @Autowired JdbcClient jdbc;

    private byte[] template;

    @BeforeEach
    void downloadTheTemplate() throws Exception {
        if (template == null) {
            template = RoundWorkbookFiles.template(port, basicAuth("officer1", "demo"));
        }
    }

    // ------------------------------------------------------------------------------------------- helpers

    /** The valid workbook of a new round, whose first measure's text (整改措施 row 2) is {@code MARKER}. */
    private byte[] workbook(String code) throws Exception {
        try (XSSFWorkbook workbook = RoundWorkbookFiles.validWorkbook(template, code, TODAY)) {
            RoundWorkbookFiles.set(workbook, "整改措施", 2, "整改措施", "MARKER");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** The workbook with one part's bytes changed (or added, when absent). */
    private static byte[] withPart(byte[] xlsx, String part, UnaryOperator<byte[]> change) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean found = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals(part)) {
                    content = change.apply(content);
                    found = true;
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(content);
                zip.closeEntry();
            }
            if (!found) {
                zip.putNextEntry(new ZipEntry(part));
                zip.write(change.apply(new byte[0]));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static UnaryOperator<byte[]> replace(String from, String to) {
        return bytes -> {
            String xml = new String(bytes, StandardCharsets.UTF_8);
            assertThat(xml).contains(from);
            return xml.replace(from, to).getBytes(StandardCharsets.UTF_8);
        };
    }

    /**
     * Text that deflate shrinks about thirty-fold, inside POI's zip-bomb ratio (a hundred-fold): runs copied from
     * a block of 4096 random Chinese characters (12K in UTF-8, inside deflate's window), each followed by one
     * random character.
     */
    private static String text(int length) {
        Random random = new Random(length);
        char[] block = new char[4096];
        for (int i = 0; i < block.length; i++) {
            block[i] = (char) ('\u4e00' + random.nextInt(3000));
        }
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            int from = random.nextInt(block.length - 100);
            text.append(block, from, Math.min(100, length - text.length()));
            if (text.length() < length) {
                text.append((char) ('\u4e00' + random.nextInt(3000)));
            }
        }
        return text.toString();
    }

    private HttpResponse<String> upload(byte[] file) throws Exception {
        return RoundWorkbookFiles.upload(port, basicAuth("officer1", "demo"), file);
    }

    /** The upload is refused with 400 and exactly these errors; nothing of the round is written. */
    private void assertRefused(String code, byte[] file, CapturedOutput log, String... errors) throws Exception {
        HttpResponse<String> refused = upload(file);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("message").asText()).isEqualTo("工作簿未通过校验，未登记任何内容");
        List<String> listed = new ArrayList<>();
        JSON.readTree(refused.body()).get("errors").forEach(e -> listed.add(e.asText()));
        assertThat(listed).containsExactly(errors);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inspection_round WHERE code = ?").param(code).query(Long.class)
            .single()).isZero();
        assertThat(log.getOut()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    // --------------------------------------------------------------------------------------------- tests

    @Test
    void aCellThatExpandsToTenMillionCharactersIsRefusedAtTheCellThatUsesIt(CapturedOutput log) throws Exception {
        String code = TestRounds.newCode();
        byte[] file = withPart(workbook(code), SHARED_STRINGS, replace(">MARKER<", ">" + text(10_000_000) + "<"));
        assertThat(file.length).as("the upload stays far below the 10MB limit").isLessThan(3 * 1024 * 1024);

        assertRefused(code, file, log, "整改措施 第2行 整改措施: 单元格有10000000字，超过上限32767字，请删减");
    }

    @Test
    void anInlineCellOverTheLimitIsRefusedAtItsSheetRowAndColumn(CapturedOutput log) throws Exception {
        String code = TestRounds.newCode();
        byte[] file = withPart(workbook(code), MEASURE_PART, bytes -> {
            String xml = new String(bytes, StandardCharsets.UTF_8);
            String cell = xml.replaceAll("(?s).*?(<c r=\"C3\"[^>]*>.*?</c>).*", "$1");
            assertThat(cell).startsWith("<c r=\"C3\"");
            return xml.replace(cell, "<c r=\"C3\" t=\"inlineStr\"><is><t>" + text(40_000) + "</t></is></c>")
                .getBytes(StandardCharsets.UTF_8);
        });

        assertRefused(code, file, log, "整改措施 第3行 整改措施: 单元格有40000字，超过上限32767字，请删减");
    }

    @Test
    void moreSharedStringsThanTheLimitAreRefused(CapturedOutput log) throws Exception {
        String code = TestRounds.newCode();
        StringBuilder extra = new StringBuilder();
        for (int i = 0; i < 100_001; i++) {
            extra.append("<si><t>").append(i).append("</t></si>");
        }
        byte[] file = withPart(workbook(code), SHARED_STRINGS, replace("</sst>", extra + "</sst>"));

        assertRefused(code, file, log, "工作簿的共享字符串超过100000条，请删除无关的内容或工作表后再导入");
    }

    @Test
    void partsThatExpandBeyondTheLimitAreRefused(CapturedOutput log) throws Exception {
        String code = TestRounds.newCode();
        byte[] padding = text(36_000_000).getBytes(StandardCharsets.UTF_8); // 108 MB
        byte[] file = withPart(workbook(code), "xl/media/padding.bin", bytes -> padding);
        assertThat(file.length).as("the upload stays below the 10MB limit").isLessThan(10 * 1024 * 1024);

        assertRefused(code, file, log, "工作簿解压后超过100MB，请删除无关的内容或工作表后再导入");
    }

    @Test
    void aZipBombIsRefusedByPoisGuard(CapturedOutput log) throws Exception {
        String code = TestRounds.newCode();
        byte[] file = withPart(workbook(code), MEASURE_PART, replace("<sheetData>", "<sheetData>" + " ".repeat(50_000_000)));

        assertRefused(code, file, log,
            "工作表「整改措施」（xl/worksheets/sheet3.xml）: 解压后与压缩前的大小之比异常（疑似压缩炸弹 zip bomb），不予读取");
    }

    @Test
    void anExternalEntityIsRefused(CapturedOutput log) throws Exception {
        String code = TestRounds.newCode();
        byte[] file = withPart(workbook(code), ROUND_PART, bytes -> {
            String xml = new String(bytes, StandardCharsets.UTF_8);
            int root = xml.indexOf("<worksheet");
            return (xml.substring(0, root) + "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + xml.substring(root).replace("<sheetData>", "<sheetData>&xxe;")).getBytes(StandardCharsets.UTF_8);
        });

        assertRefused(code, file, log, "工作表「巡察轮次」（xl/worksheets/sheet1.xml）: "
            + "含有外部实体声明（DOCTYPE 中的 SYSTEM 或 PUBLIC 实体，XXE），不予读取");
    }

    @Test
    void entityExpansionIsRefused(CapturedOutput log) throws Exception {
        String code = TestRounds.newCode();
        StringBuilder laughs = new StringBuilder("<!DOCTYPE sst [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10))
                .append("\">");
        }
        laughs.append("]>");
        byte[] file = withPart(workbook(code), SHARED_STRINGS, bytes -> {
            String xml = new String(bytes, StandardCharsets.UTF_8);
            int root = xml.indexOf("<sst");
            return (xml.substring(0, root) + laughs + xml.substring(root).replace(">MARKER<", ">&lol9;<"))
                .getBytes(StandardCharsets.UTF_8);
        });

        assertRefused(code, file, log, "工作簿的共享字符串（xl/sharedStrings.xml）: "
            + "含有实体定义（DOCTYPE 中的 ENTITY，可用于实体膨胀攻击，如“十亿笑”），不予读取");
    }

    @Test
    void invalidUtf8IsRefusedNamingItsPlace(CapturedOutput log) throws Exception {
        String code = TestRounds.newCode();
        int[] place = new int[2];
        byte[] file = withPart(workbook(code), SHARED_STRINGS, bytes -> {
            String xml = new String(bytes, StandardCharsets.UTF_8);
            int marker = xml.indexOf("MARKER");
            place[0] = (int) xml.substring(0, marker).chars().filter(c -> c == '\n').count() + 1;
            place[1] = marker - xml.lastIndexOf('\n', marker);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(xml.substring(0, marker).getBytes(StandardCharsets.UTF_8));
            out.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
            out.writeBytes(xml.substring(marker + "MARKER".length()).getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        });

        assertRefused(code, file, log, "工作簿的共享字符串（xl/sharedStrings.xml）: 不是有效的UTF-8编码（第" + place[0] + "行第"
            + place[1] + "列），请用Excel另存后再导入");
    }

    @Test
    void brokenXmlIsRefusedNamingThePartAndPlace(CapturedOutput log) throws Exception {
        String code = TestRounds.newCode();
        int[] place = new int[2];
        byte[] file = withPart(workbook(code), PROBLEM_PART, bytes -> {
            String xml = new String(bytes, StandardCharsets.UTF_8).replace("</sheetData>", "</sheetDta>");
            int tag = xml.indexOf("</sheetDta>");
            place[0] = (int) xml.substring(0, tag).chars().filter(c -> c == '\n').count() + 1;
            place[1] = tag + "</".length() - xml.lastIndexOf('\n', tag); // the parser points at the wrong name
            return xml.getBytes(StandardCharsets.UTF_8);
        });

        assertRefused(code, file, log, "工作表「问题」（xl/worksheets/sheet2.xml）: 不是格式正确的XML（第" + place[0] + "行第"
            + place[1] + "列），请用Excel另存后再导入");
    }
}
