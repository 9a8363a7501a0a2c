package org.rectiflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rectiflow.support.PostgresTestDatabase;
import org.rectiflow.support.WebTest;

/**
 * A node killed ({@code kill -9}) in the middle of an import and in the middle of a timer storm, then started
 * again: the engine and the ledger agree (rounds and their instances, measures and theirs, notices and the
 * timer jobs that wrote them, each measure's status and its history), and no round is half-registered.
 */
@Tag("postgres")
class CrashRecoveryTest {

    private static final Duration START = Duration.ofMinutes(3);
    private static final Duration DRAIN = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private ClusterNode node;
    private final MailCatcher mail = new MailCatcher();

    @AfterEach
    void stopNode() throws InterruptedException {
        if (node != null) {
            node.close();
        }
        mail.close();
    }

    @Test
    void aKillDuringAnImportLeavesNoTraceOfTheRoundAndTheImportCanBeRepeated() throws Exception {
        String url = PostgresTestDatabase.newDatabase();
        Ledger ledger = new Ledger(url);
        node = ClusterNode.start("node1", url, mail.settings()).awaitUp(START);
        String code = "CRASHIMPORT";
        String round = JSON.writeValueAsString(largeRound(code, 1500));

        CompletableFuture<HttpResponse<String>> importing = post(node, round);
        // The import's transaction is open and writing measures when PostgreSQL shows its lock on the table.
        long writing = ledger.await(Duration.ofSeconds(60), n -> n > 0 || importing.isDone(), Ledger.MEASURE_WRITERS);
        node.kill();
        HttpResponse<String> answer = importing.join(); // the connection breaks: no answer
        assertThat(answer == null ? "no answer" : answer.statusCode() + " " + answer.body()).as("killed before the answer")
            .isEqualTo("no answer");
        assertThat(writing).isPositive();

        assertThat(ledger.count(Ledger.ROUND_ROWS, code, code, code, code, code + "-%", code))
            .as("nothing of the round in the ledger or the engine").isZero();

        node = ClusterNode.start("node1", url, mail.settings()).awaitUp(START);
        assertThat(ledger.count(Ledger.ROUND_ROWS, code, code, code, code, code + "-%", code)).isZero();
        HttpResponse<String> again = post(node, round).join();
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(ledger.count(Ledger.MEASURES, code)).isEqualTo(1500);
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
        System.out.println("killed during the storm with " + atKill + " of 500 notices written");
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
        long notifications = ledger.count(Ledger.NOTIFICATIONS, round);
        assertThat(ledger.count(Ledger.NOTIFICATION_KEYS, round)).isEqualTo(notifications);
        assertThat(ledger.await(DRAIN, n -> n == notifications, Ledger.NOTIFICATIONS_SENT, round))
            .isEqualTo(notifications);
        assertThat(mail.byMessageId()).as("every notification arrived").hasSize((int) notifications);
        assertThat(ledger.count(Ledger.MEASURES_DISAGREEING_WITH_HISTORY, round)).isZero();
        assertTheEngineAndTheLedgerAgree(ledger);
    }

    private static void assertTheEngineAndTheLedgerAgree(Ledger ledger) {
        long rounds = ledger.count(Ledger.ROUNDS);
        assertThat(ledger.count(Ledger.ROUNDS_WITH_INSTANCE)).as("every round has its instance").isEqualTo(rounds);
        assertThat(ledger.count(Ledger.ROUND_INSTANCES)).as("every instance has its round").isEqualTo(rounds);
        assertThat(ledger.count(Ledger.ROUNDS_WITHOUT_MEASURES)).as("no half-registered round").isZero();
        assertThat(ledger.count(Ledger.FAILED_JOBS)).isZero();
    }

    private static CompletableFuture<HttpResponse<String>> post(ClusterNode node, String json) {
        return HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + node.port() + "/api/rounds"))
                .header("Authorization", WebTest.basicAuth(ClusterSettings.ADMIN, ClusterSettings.ADMIN_PASSWORD))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString())
            .exceptionally(e -> null);
    }

    /** The JSON of POST /api/rounds: measures spread over problems of 50 and over the storm's units. */
    private static Map<String, Object> largeRound(String code, int measures) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        List<Map<String, Object>> problems = new ArrayList<>();
        int made = 0;
        for (int problem = 1; made < measures; problem++) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (int i = 0; i < StormSeeder.PER_PROBLEM && made < measures; i++, made++) {
                list.add(Map.of("content", "导入中断测试措施第" + (made + 1) + "项",
                    "unit", StormSeeder.UNITS.get(made % StormSeeder.UNITS.size()), "leader", "chief",
                    "deadline", today.plusDays(90).toString(), "kind", "IMMEDIATE"));
            }
            problems.add(Map.of("seq", problem, "title", "导入中断测试问题" + problem, "keyGroup", "conduct",
                "measures", list));
        }
        Map<String, Object> round = new LinkedHashMap<>();
        round.put("code", code);
        round.put("title", "导入中断测试巡察");
        round.put("inspectionGroup", "市委第一巡察组");
        round.put("inspectedOrganisation", "中共测试委员会");
        round.put("inspectedShortName", "测试党委");
        round.put("feedbackDate", today.toString());
        round.put("categories", List.of(Map.of("seq", 1, "title", "测试方面", "problems", problems)));
        return round;
    }
}
