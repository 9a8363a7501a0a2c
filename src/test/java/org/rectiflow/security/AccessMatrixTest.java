package org.rectiflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rectiflow.identity.Scope;
import org.rectiflow.inspection.InspectionRoundService;
import org.rectiflow.mechanism.MechanismDraft;
import org.rectiflow.mechanism.MechanismService;
import org.rectiflow.measure.MeasureKind;
import org.rectiflow.support.DefaultEngine;
import org.rectiflow.support.TestRounds;
import org.rectiflow.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The role × endpoint matrix of docs/access.md holds: every cell of its API table, called over HTTP as the demo
 * user its column names, on a round of two units (思明分局, 海沧分局; key group 作风转变 led by 督察支队).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest extends WebTest {

    private static final Path MATRIX = Path.of("docs/access.md");
    private static final Pattern USER = Pattern.compile("`([^`]+)`");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    /** The words a cell may hold. */
    private static final Set<String> CLAIMS = Set.of("yes", "403", "all", "own unit", "no unit");

    @Autowired InspectionRoundService rounds;
    @Autowired JdbcClient jdbc;
    @Autowired MechanismService mechanisms;

    private String code;

    @BeforeAll
    void aRoundOfTwoUnits() {
        DefaultEngine.use(processEngine);
        code = TestRounds.newCode();
        rounds.register(TestRounds.twoUnits(code, LocalDate.now()));
        // a mechanism of each unit, for the lists of mechanisms
        mechanisms.importAll(code, List.of(mechanism("siming"), mechanism("haicang")),
            new MechanismService.Importer(true, Scope.allUnits()));
    }

    /** A mechanism answering the round's measure of the unit. */
    private MechanismDraft mechanism(String unit) {
        return new MechanismDraft("测试制度", null, "厦门市公安局", LocalDate.now().toString(), "新建", null,
            List.of(jdbc.sql("SELECT code FROM measure WHERE round_code = ? AND unit_code = ?").params(code, unit)
                .query(String.class).single()));
    }

    /** One cell of the matrix: an endpoint, a user, what the user gets. */
    record Cell(String method, String path, String user, String claim) {
        @Override
        public String toString() {
            return method + " " + path + " as " + user + ": " + claim;
        }
    }

    /** The cells of the table after the {@code <!-- api-matrix -->} marker. */
    static List<Cell> cells() throws IOException {
        List<String> lines = Files.readAllLines(MATRIX, StandardCharsets.UTF_8);
        int at = lines.indexOf("<!-- api-matrix -->");
        assertThat(at).as("the marker of the API matrix in " + MATRIX).isNotNegative();
        List<String> users = new ArrayList<>();
        for (String header : columns(lines.get(at + 1)).subList(1, columns(lines.get(at + 1)).size())) {
            Matcher user = USER.matcher(header);
            assertThat(user.find()).as("a demo user in the header " + header).isTrue();
            users.add(user.group(1));
        }
        List<Cell> cells = new ArrayList<>();
        for (int i = at + 3; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            List<String> row = columns(lines.get(i));
            assertThat(row).as(lines.get(i)).hasSize(users.size() + 1);
            String[] endpoint = row.get(0).replace("`", "").split(" ", 2);
            for (int c = 0; c < users.size(); c++) {
                assertThat(CLAIMS).as(lines.get(i)).contains(row.get(c + 1));
                cells.add(new Cell(endpoint[0], endpoint[1], users.get(c), row.get(c + 1)));
            }
        }
        return cells;
    }

    private static List<String> columns(String line) {
        String inner = line.strip().substring(1, line.strip().length() - 1);
        return Stream.of(inner.split("\\|")).map(String::strip).toList();
    }

    Stream<Arguments> matrix() throws IOException {
        return cells().stream().map(Arguments::of);
    }

    @Test
    void theMatrixCoversEveryEndpointOfTheApi() throws Exception {
        Set<String> rows = cells().stream().map(c -> c.method() + " " + c.path()).collect(Collectors.toSet());
        assertThat(rows).contains("GET /api/rounds", "POST /api/rounds", "POST /api/rounds/{code}/not-done",
            "GET /api/rounds/{code}/summary", "GET /api/rounds/{code}/ledger.xlsx", "GET /api/rounds/{code}/report.html", "GET /api/dashboard");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void theApiAnswersAsTheMatrixSays(Cell cell) throws Exception {
        String path = cell.path().replace("{code}", code).replace("{measure}", code + "-01-01")
            .replace("{problem}", code + "-01");
        boolean registration = cell.method().equals("POST") && path.equals("/api/rounds");
        boolean mechanisms = cell.method().equals("POST") && path.endsWith("/mechanisms");
        String body = null;
        if (mechanisms) {
            // a mechanism of the user's own unit's measure; for a user of no measure's unit, 思明分局's
            Unit unit = unitOf(cell.user());
            body = JSON.writeValueAsString(List.of(mechanism(unit != null && unit.measures() > 0 ? unit.code() : "siming")));
        } else if (registration) {
            body = JSON.writeValueAsString(TestRounds.round(TestRounds.newCode(), LocalDate.now(), MeasureKind.IMMEDIATE, 30));
        } else if (cell.method().equals("POST")) {
            // 未完成 at the round's report: 海沧分局's measure, recorded again by each user allowed
            body = "[{\"measureCode\": \"" + code + "-01-02\", \"reason\": \"矩阵测试\", \"plannedDate\": \""
                + LocalDate.now().plusDays(30) + "\"}]";
        }
        HttpResponse<byte[]> response = path.equals("/api/organisation/workbook") && cell.method().equals("POST")
            ? uploadEmptyOrganisationWorkbook(cell.user()) : call(cell.method(), path, cell.user(), body);
        int status = response.statusCode();
        if (cell.claim().equals("403")) {
            assertThat(status).as(cell + ": " + text(response)).isEqualTo(403);
            return;
        }
        assertThat(status).as(cell + ": " + text(response)).isEqualTo(registration || mechanisms ? 201 : 200);
        if (cell.claim().equals("yes")) {
            return;
        }
        Unit own = unitOf(cell.user());
        if (path.endsWith("/mechanisms") && cell.method().equals("POST")) {
            assertThat(own == null ? null : own.code()).as(cell + ": a unit's user records its own unit's").isNotNull();
        } else if (path.endsWith("/mechanisms")) {
            List<String> units = JSON.readTree(response.body()).findValuesAsText("unitCode");
            switch (cell.claim()) {
                case "all" -> assertThat(units).as(cell.toString()).contains("siming", "haicang");
                case "own unit" -> {
                    assertThat(own).as(cell.user() + "'s unit").isNotNull();
                    assertThat(units).as(cell.toString()).allMatch(own.code()::equals);
                    if (own.measures() > 0) {
                        assertThat(units).as(cell.toString()).isNotEmpty();
                    }
                }
                default -> assertThat(units).as(cell.toString()).isEmpty();
            }
        } else if (path.endsWith("/summary")) {
            JsonNode summary = JSON.readTree(response.body());
            List<String> units = summary.get("units").findValuesAsText("code");
            switch (cell.claim()) {
                case "all" -> {
                    assertThat(summary.at("/measures/total").asInt()).as(cell.toString()).isEqualTo(2);
                    assertThat(units).as(cell.toString()).containsExactlyInAnyOrder("siming", "haicang");
                    assertThat(summary.get("keyGroups").findValuesAsText("code")).as(cell.toString())
                        .containsExactly(TestRounds.KEY_GROUP);
                    assertThat(summary.get("clues").isNull()).as(cell.toString()).isFalse();
                }
                case "own unit" -> {
                    assertThat(own).as(cell.user() + "'s unit").isNotNull();
                    assertThat(summary.at("/measures/total").asInt()).as(cell.toString()).isEqualTo(own.measures());
                    assertThat(units).as(cell.toString()).allMatch(own.code()::equals);
                    assertThat(summary.get("keyGroups")).as(cell.toString()).isEmpty();
                    assertThat(summary.get("clues").isNull()).as(cell.toString()).isTrue();
                }
                default -> {
                    assertThat(summary.at("/measures/total").asInt()).as(cell.toString()).isZero();
                    assertThat(units).as(cell.toString()).isEmpty();
                    assertThat(summary.get("keyGroups")).as(cell.toString()).isEmpty();
                    assertThat(summary.get("clues").isNull()).as(cell.toString()).isTrue();
                }
            }
        } else if (path.endsWith("/ledger.xlsx")) {
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
                Sheet sheet = workbook.getSheetAt(0);
                List<String> units = new ArrayList<>();
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    units.add(sheet.getRow(r).getCell(4).getStringCellValue());
                }
                switch (cell.claim()) {
                    case "all" -> assertThat(units).as(cell.toString()).containsExactlyInAnyOrder("思明分局", "海沧分局");
                    case "own unit" -> {
                        assertThat(own).as(cell.user() + "'s unit").isNotNull();
                        assertThat(units).as(cell.toString()).hasSize(own.measures()).allMatch(own.name()::equals);
                    }
                    default -> assertThat(units).as(cell.toString()).isEmpty();
                }
            }
        } else {
            throw new AssertionError(cell + ": the claim " + cell.claim() + " is for the summary and the ledger only");
        }
    }

    /** A unit user's unit and how many of the round's measures are its; null for a user of no unit. */
    private record Unit(String code, String name, int measures) {
    }

    private Unit unitOf(String user) {
        return jdbc.sql("""
                SELECT u.code, u.name, (SELECT COUNT(*) FROM measure m WHERE m.round_code = ? AND m.unit_code = u.code)
                FROM org_user p JOIN org_unit u ON u.code = p.unit_code WHERE p.user_id = ?""")
            .params(code, user)
            .query((rs, n) -> new Unit(rs.getString(1), rs.getString(2), rs.getInt(3))).optional().orElse(null);
    }

    private HttpResponse<byte[]> call(String method, String path, String user, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", basicAuth(user, "demo"))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The empty organisation template (downloaded by the office) uploaded as this user: it changes nothing. */
    private HttpResponse<byte[]> uploadEmptyOrganisationWorkbook(String user) throws Exception {
        byte[] template = call("GET", "/api/organisation/template", "officer1", null).body();
        String boundary = "----rectiflow" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"org.xlsx\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(template);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/organisation/workbook"))
            .header("Authorization", basicAuth(user, "demo"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        String text = new String(response.body(), StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) : text;
    }
}
