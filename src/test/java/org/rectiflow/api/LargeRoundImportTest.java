package org.rectiflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.rectiflow.inspection.RoundRegistration;
import org.rectiflow.support.LargeRounds;
import org.rectiflow.support.RoundWorkbookFiles;
import org.rectiflow.support.TestRounds;
import org.rectiflow.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Rounds of any size (issue 15): a round of hundreds of problems and three measures each, through both doors of
 * {@code POST /api/rounds}, written whole with codes that sort as numbers, or refused whole when one row among
 * thousands is bad, that row named. The H2 suite imports {@link #problems()} = 300 problems (900 measures);
 * {@code PostgresLargeRoundImportTest} the 1,000 problems and 3,000 measures. In a context of its own,
 * closed afterwards, so that the thousands of measures weigh on no other test's ledger.
 */
@TestPropertySource(properties = "rectiflow.test.context=large-round")
@DirtiesContext
class LargeRoundImportTest extends WebTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final String OFFICE = "officer1";

    @Autowired JdbcClient jdbc;

    /** The round's problems, three measures each: 300, or {@code -Drectiflow.test.large-round.problems}. */
    protected int problems() {
        return Integer.getInteger("rectiflow.test.large-round.problems", 300);
    }

    private int measures() {
        return problems() * LargeRounds.MEASURES_PER_PROBLEM;
    }

    @Test
    void aRoundOfHundredsOfProblemsRegistersFromJsonWithCodesInNaturalOrder() throws Exception {
        RoundRegistration round = LargeRounds.round(TestRounds.newCode(), TODAY, problems());

        long start = System.nanoTime();
        HttpResponse<String> created = postJson(JSON.writeValueAsString(round));
        report("JSON", start);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertWhole(round);
    }

    @Test
    void theSameRoundRegistersFromAStreamedWorkbook() throws Exception {
        RoundRegistration round = LargeRounds.round(TestRounds.newCode(), TODAY, problems());
        byte[] workbook = RoundWorkbookFiles.of(template(), round, TODAY);

        long start = System.nanoTime();
        HttpResponse<String> created = RoundWorkbookFiles.upload(port, basicAuth(OFFICE, "demo"), workbook);
        report("workbook", start);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertWhole(round);
    }

    @Test
    void oneBadRowAmongThousandsWritesNothingAndIsNamed() throws Exception {
        RoundRegistration round = LargeRounds.round(TestRounds.newCode(), TODAY, problems());
        // the second measure of the problem in the middle: its row in 整改措施 (row 1 is the header)
        int problem = problems() / 2;
        int row = 1 + (problem - 1) * LargeRounds.MEASURES_PER_PROBLEM + 2;
        byte[] workbook;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(RoundWorkbookFiles.of(template(), round,
            TODAY)))) {
            RoundWorkbookFiles.set(book, "整改措施", row, "责任单位", "nowhere");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            workbook = out.toByteArray();
        }

        HttpResponse<String> refused = RoundWorkbookFiles.upload(port, basicAuth(OFFICE, "demo"), workbook);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(errors(refused)).containsExactly("整改措施 第" + row + "行 责任单位: 未知单位「nowhere」");
        assertNothingWritten(round.code());

        // the same through the JSON door: the error names the measure by its path
        String json = JSON.writeValueAsString(round);
        String bad = "第" + problem + "个问题的第2项整改措施";
        int at = json.indexOf(bad);
        int unit = json.indexOf("\"unit\":\"", at) + "\"unit\":\"".length();
        json = json.substring(0, unit) + "nowhere" + json.substring(json.indexOf('"', unit));
        refused = postJson(json);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        int category = (int) ((long) (problem - 1) * LargeRounds.CATEGORIES / problems());
        int firstOfCategory = (int) Math.ceil((double) category * problems() / LargeRounds.CATEGORIES) + 1;
        assertThat(errors(refused)).containsExactly("categories[" + category + "].problems["
            + (problem - firstOfCategory) + "].measures[1].unit: 未知单位「nowhere」");
        assertNothingWritten(round.code());
    }

    // ------------------------------------------------------------------------------------------- helpers

    /** Every problem and measure in the ledger, the codes as wide as the round needs and in natural order as text. */
    private void assertWhole(RoundRegistration round) {
        String code = round.code();
        assertThat(count("problem", code)).isEqualTo(problems());
        assertThat(count("problem_category", code)).isEqualTo(LargeRounds.CATEGORIES);
        assertThat(count("measure", code)).isEqualTo(measures());
        List<String> byText = jdbc.sql("SELECT code FROM measure WHERE round_code = ? ORDER BY code")
            .param(code).query(String.class).list();
        List<String> byNumber = jdbc.sql("""
                SELECT m.code FROM measure m JOIN problem p ON p.id = m.problem_id
                WHERE m.round_code = ? ORDER BY p.seq, m.seq""").param(code).query(String.class).list();
        assertThat(byText).as("codes sort as text in the order of their numbers").isEqualTo(byNumber);
        String width = "0".repeat(String.valueOf(problems()).length() - 1);
        assertThat(byText.get(0)).isEqualTo(code + "-" + width + "1-01");
        assertThat(byText.get(LargeRounds.MEASURES_PER_PROBLEM)).as("problem 2 before problem 10")
            .isEqualTo(code + "-" + width + "2-01");
        assertThat(byText.get(byText.size() - 1)).isEqualTo(code + "-" + problems() + "-03");
        assertThat(byText).allSatisfy(c -> assertThat(c).hasSize(byText.get(0).length()));
    }

    private void assertNothingWritten(String code) {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inspection_round WHERE code = ?").param(code).query(Long.class)
            .single()).isZero();
        assertThat(count("problem", code)).isZero();
        assertThat(count("measure", code)).isZero();
    }

    private long count(String table, String roundCode) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE round_code = ?").param(roundCode)
            .query(Long.class).single();
    }

    private void report(String door, long startNanos) {
        System.out.printf("[large round] %d problems, %d measures registered from %s in %.1f s%n", problems(),
            measures(), door, (System.nanoTime() - startNanos) / 1e9);
    }

    private byte[] template() throws Exception {
        return RoundWorkbookFiles.template(port, basicAuth(OFFICE, "demo"));
    }

    private HttpResponse<String> postJson(String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/rounds"))
            .header("Authorization", basicAuth(OFFICE, "demo"))
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .timeout(Duration.ofMinutes(5))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static List<String> errors(HttpResponse<String> refused) throws Exception {
        return JSON.readerForListOf(String.class).readValue(JSON.readTree(refused.body()).get("errors"));
    }
}
