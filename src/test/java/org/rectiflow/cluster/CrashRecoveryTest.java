package org.rectiflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rectiflow.inspection.RoundRegistration;
import org.rectiflow.measure.MeasureKind;
import org.rectiflow.support.PostgresTestDatabase;
import org.rectiflow.support.RoundWorkbookFiles;
import org.rectiflow.support.WebTest;

/**
 * A node killed ({@code kill -9}) in the middle of an import (JSON, and a streamed workbook) and in the middle of
 * a timer storm, then started again: the engine and the ledger agree (rounds and their instances, measures and
 * theirs, notices and the timer jobs that wrote them, each measure's status and its history), no round is
 * half-registered, and no e-mail is sent twice.
 */
@Tag("postgres")
class CrashRecoveryTest {

    private static final Duration START = Duration.ofMinutes(3);
    private static final Duration DRAIN = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The large round's shape: its measures in problems of {@link StormSeeder#PER_PROBLEM}, one category. */
    private static final int IMPORTED_MEASURES = 1500;
    private static final int IMPORTED_PROBLEMS = 30;

    private ClusterNode node;
    private final MailCatcher mail = new MailCatcher();

    @AfterEach
    void stopNode() throws InterruptedException {
        if (node != null) {
            node.close();
        }
        mail.close();
    }

    /** Sends an import to a node; the answer, or null when the connection broke. */
    private interface Import {
        CompletableFuture<HttpResponse<String>> send(ClusterNode node) throws Exception;
    }

    @Test
    void aKillDuringAJsonImportLeavesNoTraceOfTheRoundAndTheImportCanBeRepeated() throws Exception {
        String url = PostgresTestDatabase.newDatabase();
        node = ClusterNode.start("node1", url, mail.settings()).awaitUp(START);
        String code = "CRASHIMPORT";
        String round = JSON.writeValueAsString(json(largeRound(code)));

        killDuringTheImportThenRepeatIt(new Ledger(url), url, code, n -> post(n, round));
    }

    @Test
    void aKillDuringAWorkbookImportLeavesNoTraceOfTheRoundAndTheImportCanBeRepeated() throws Exception {
        String url = PostgresTestDatabase.newDatabase();
        node = ClusterNode.start("node1", url, mail.settings()).awaitUp(START);
        String code = "CRASHWORKBOOK";
        byte[] workbook = RoundWorkbookFiles.of(template(node), largeRound(code), today());

        killDuringTheImportThenRepeatIt(new Ledger(url), url, code, n -> HttpClient.newHttpClient().sendAsync(
                RoundWorkbookFiles.request(n.port(), admin(), workbook), HttpResponse.BodyHandlers.ofString())
            .exceptionally(e -> null));
    }

    /**
     * Kills the node while the import's transaction writes measures, proves that no row anywhere names the
     * round, restarts the node and sends the same import again: it is registered whole.
     */
    private void killDuringTheImportThenRepeatIt(Ledger ledger, String url, String code, Import importing)
        throws Exception {
        CompletableFuture<HttpResponse<String>> first = importing.send(node);
        // The import's transaction is open and writing measures when PostgreSQL shows its lock on the table.
        long writing = ledger.await(Duration.ofSeconds(90), n -> n > 0 || first.isDone(), Ledger.MEASURE_WRITERS);
        node.kill();
        HttpResponse<String> answer = first.join(); // the connection breaks: no answer
        assertThat(answer == null ? "no answer" : answer.statusCode() + " " + answer.body()).as("killed before the answer")
            .isEqualTo("no answer");
        assertThat(writing).as("killed while the import wrote measures").isPositive();

        assertThat(ledger.tracesOf(code)).as("nothing of the round in the ledger or the engine").isEmpty();

        node = ClusterNode.start("node1", url, mail.settings()).awaitUp(START);
        assertThat(ledger.tracesOf(code)).as("nor after the restart").isEmpty();
        HttpResponse<String> again = importing.send(node).join();
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(ledger.count(Ledger.CATEGORIES, code)).isOne();
        assertThat(ledger.count(Ledger.PROBLEMS, code)).isEqualTo(IMPORTED_PROBLEMS);
        assertThat(ledger.count(Ledger.MEASURES, code)).isEqualTo(IMPORTED_MEASURES);
        // the search that found nothing above finds the round now, in the ledger and in the engine
        assertThat(ledger.tracesOf(code)).containsKeys("inspection_round.code", "problem_category.round_code",
            "problem.round_code", "measure.round_code", "measure.code", "status_history.entity_ref",
            "act_hi_procinst.business_key_", "act_ru_execution.business_key_", "act_ru_variable.text_");
        assertTheEngineAndTheLedgerAgree(ledger);
    }

    @Test
    void aKillDuringATimerStormLosesNothingAndDuplicatesNothing() throws Exception {
        String url = PostgresTestDatabase.newDatabase();
        Ledger ledger = new Ledger(url);
        String round;
        try (StormSeeder seeder = new StormSeeder(url)) {
            round = seeder.roundWithDueReminders("CRASHSTORM", 500);
        }

        node = ClusterNode.start("node1", url, mail.settings()).awaitUp(START);
        long before = ledger.await(DRAIN, n -> n >= 50, Ledger.GREEN_NOTICES, round);
        node.kill();
        long atKill = ledger.count(Ledger.GREEN_NOTICES, round);
        List<String> underWay = ledger.ids(Ledger.DELIVERIES_UNDER_WAY, round, "node1");
        Map<String, Long> mailedBefore = mail.byRecipientAndSubject();
        System.out.println("killed during the storm with " + atKill + " of 500 notices written, "
            + mailedBefore.size() + " e-mails received, " + underWay + " under way");
        assertThat(before).isGreaterThanOrEqualTo(50);
        assertThat(atKill).as("the storm was under way").isLessThan(500);
        assertThat(ledger.count(Ledger.GREEN_TIMER_JOBS_SUCCEEDED, round)).as("every notice has its job's success")
            .isEqualTo(atKill);

        node = ClusterNode.start("node1", url, mail.settings()).awaitUp(START);
        assertThat(ledger.await(DRAIN, n -> n >= 500, Ledger.GREEN_NOTICES, round)).isEqualTo(500);
        ledger.await(DRAIN, n -> n == 0, Ledger.GREEN_TIMERS_WAITING, round);

        assertThat(ledger.count(Ledger.MEASURES_WITH_GREEN_NOTICE, round)).isEqualTo(500);
        assertThat(ledger.count(Ledger.GREEN_TIMER_JOBS_SUCCEEDED, round)).isEqualTo(500);
        assertThat(ledger.count(Ledger.GREEN_TIMER_SUCCESSES, round)).as("no timer ran twice").isEqualTo(500);
        assertThat(ledger.count(Ledger.RUNNING_MEASURE_INSTANCES, round)).isEqualTo(500);
        assertThat(ledger.count(Ledger.UNIT_TASKS, round)).isEqualTo(500);
        mail.assertEveryGreenReminderArrivedOnce(ledger, round, 500, underWay, mailedBefore);
        assertThat(ledger.count(Ledger.MEASURES_DISAGREEING_WITH_HISTORY, round)).isZero();
        assertTheEngineAndTheLedgerAgree(ledger);
    }

    private static void assertTheEngineAndTheLedgerAgree(Ledger ledger) {
        long rounds = ledger.count(Ledger.ROUNDS);
        assertThat(rounds).isPositive();
        assertThat(ledger.count(Ledger.ROUNDS_WITH_INSTANCE)).as("every round has its instance").isEqualTo(rounds);
        assertThat(ledger.count(Ledger.ROUND_INSTANCES)).as("every instance has its round").isEqualTo(rounds);
        assertThat(ledger.halfRegisteredRounds()).as("no half-registered round").isEmpty();
        assertThat(ledger.count(Ledger.FAILED_JOBS)).isZero();
    }

    private static String admin() {
        return WebTest.basicAuth(ClusterSettings.ADMIN, ClusterSettings.ADMIN_PASSWORD);
    }

    private static CompletableFuture<HttpResponse<String>> post(ClusterNode node, String json) {
        return HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + node.port() + "/api/rounds"))
                .header("Authorization", admin())
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString())
            .exceptionally(e -> null);
    }

    /** The import template, from the node as an office downloads it. */
    private static byte[] template(ClusterNode node) throws Exception {
        HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + node.port() + "/api/rounds/template.xlsx"))
            .header("Authorization", admin()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of(ClusterSettings.ZONE));
    }

    /** A round of {@link #IMPORTED_MEASURES} measures spread over problems of 50 and over the storm's units. */
    private static RoundRegistration largeRound(String code) {
        LocalDate today = today();
        List<RoundRegistration.Problem> problems = new ArrayList<>();
        int made = 0;
        for (int problem = 1; made < IMPORTED_MEASURES; problem++) {
            List<RoundRegistration.Measure> list = new ArrayList<>();
            for (int i = 0; i < StormSeeder.PER_PROBLEM && made < IMPORTED_MEASURES; i++, made++) {
                list.add(new RoundRegistration.Measure("导入中断测试措施第" + (made + 1) + "项",
                    StormSeeder.UNITS.get(made % StormSeeder.UNITS.size()), "chief", today.plusDays(90),
                    MeasureKind.IMMEDIATE));
            }
            problems.add(new RoundRegistration.Problem(problem, "导入中断测试问题" + problem, "conduct", list));
        }
        return new RoundRegistration(code, "导入中断测试巡察", "市委第一巡察组", "中共测试委员会", "测试党委",
            null, null, today, null, List.of(new RoundRegistration.Category(1, "测试方面", problems)));
    }

    /** The JSON of POST /api/rounds for a round (the fields an office sends). */
    private static Map<String, Object> json(RoundRegistration registration) {
        List<Map<String, Object>> categories = new ArrayList<>();
        for (RoundRegistration.Category category : registration.categories()) {
            List<Map<String, Object>> problems = new ArrayList<>();
            for (RoundRegistration.Problem problem : category.problems()) {
                List<Map<String, Object>> measures = new ArrayList<>();
                for (RoundRegistration.Measure m : problem.measures()) {
                    measures.add(Map.of("content", m.content(), "unit", m.unit(), "leader", m.leader(),
                        "deadline", m.deadline().toString(), "kind", m.kind().name()));
                }
                problems.add(Map.of("seq", problem.seq(), "title", problem.title(), "keyGroup", problem.keyGroup(),
                    "measures", measures));
            }
            categories.add(Map.of("seq", category.seq(), "title", category.title(), "problems", problems));
        }
        Map<String, Object> round = new LinkedHashMap<>();
        round.put("code", registration.code());
        round.put("title", registration.title());
        round.put("inspectionGroup", registration.inspectionGroup());
        round.put("inspectedOrganisation", registration.inspectedOrganisation());
        round.put("inspectedShortName", registration.inspectedShortName());
        round.put("feedbackDate", registration.feedbackDate().toString());
        round.put("categories", categories);
        return round;
    }
}
