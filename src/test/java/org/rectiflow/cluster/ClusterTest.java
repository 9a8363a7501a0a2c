package org.rectiflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rectiflow.support.PostgresTestDatabase;

/**
 * Two nodes, each a JVM with its own job executor and outbox dispatcher, on one PostgreSQL database: 500
 * measures whose green reminders fall due together. Every reminder is processed once, no notice or
 * notification is written twice, and both nodes do work; then again with one node killed in the middle,
 * where the survivor takes over the dead node's jobs once their locks expire, and nothing is lost.
 */
@Tag("postgres")
class ClusterTest {

    private static final int MEASURES = 500;
    private static final Duration START = Duration.ofMinutes(3);
    private static final Duration DRAIN = Duration.ofMinutes(3);

    private ClusterNode first;
    private ClusterNode second;
    private final MailCatcher mail = new MailCatcher();

    @AfterEach
    void stopNodes() throws InterruptedException {
        for (ClusterNode node : new ClusterNode[] {first, second}) {
            if (node != null) {
                node.close();
            }
        }
        mail.close();
    }

    /** A round whose 500 green reminders are due but held until {@link ClusterNode#releaseReminders()}. */
    private static String seed(String url, String code) {
        try (StormSeeder seeder = new StormSeeder(url)) {
            String round = seeder.roundWithDueReminders(code, MEASURES);
            seeder.holdReminders();
            return round;
        }
    }

    private void startBoth(String url) throws Exception {
        first = ClusterNode.start("node1", url, mail.settings());
        second = ClusterNode.start("node2", url, mail.settings());
        first.awaitUp(START);
        second.awaitUp(START);
    }

    /** Both nodes of a new installation start at the same moment on an empty database (a host's reboot). */
    @Test
    void twoNodesStartingTogetherOnAnEmptyDatabaseBothComeUp() throws Exception {
        String url = PostgresTestDatabase.newDatabase();
        Ledger ledger = new Ledger(url);

        startBoth(url);

        assertThat(ledger.count("SELECT COUNT(*) FROM act_re_procdef WHERE key_ = 'measure-execution'")).isOne();
        assertThat(ledger.count("SELECT COUNT(*) FROM act_id_user WHERE id_ = ?", ClusterSettings.ADMIN)).isOne();
        assertThat(ledger.count("SELECT COUNT(*) FROM org_unit WHERE code = 'siming'")).isOne();
        assertThat(ledger.count("SELECT COUNT(*) FROM act_ru_filter")).as("the four Tasklist filters, once each")
            .isEqualTo(4).isEqualTo(ledger.count("SELECT COUNT(DISTINCT name_) FROM act_ru_filter"));
        assertThat(ledger.count("SELECT COUNT(*) FROM act_ru_authorization WHERE group_id_ = 'siming'"
            + " AND resource_type_ = 0 AND resource_id_ = 'tasklist'")).isOne();
    }

    @Test
    void twoNodesProcessEveryDueReminderOnceAndBothWork() throws Exception {
        String url = PostgresTestDatabase.newDatabase();
        Ledger ledger = new Ledger(url);
        String round = seed(url, "CLUSTER1");
        assertThat(ledger.count(Ledger.GREEN_TIMERS_WAITING, round)).isEqualTo(MEASURES);
        assertThat(ledger.count(Ledger.GREEN_NOTICES, round)).isZero();

        startBoth(url);
        first.releaseReminders();
        long notices = ledger.await(DRAIN, n -> n >= MEASURES, Ledger.GREEN_NOTICES, round);
        ledger.await(DRAIN, n -> n == 0, Ledger.GREEN_TIMERS_WAITING, round);

        assertThat(notices).isEqualTo(MEASURES);
        assertThat(ledger.count(Ledger.MEASURES_WITH_GREEN_NOTICE, round)).isEqualTo(MEASURES);
        assertThat(ledger.count(Ledger.GREEN_TIMERS_WAITING, round)).isZero();
        assertThat(ledger.count(Ledger.GREEN_TIMER_SUCCESSES, round)).as("each timer job ran once").isEqualTo(MEASURES);
        assertThat(ledger.count(Ledger.GREEN_TIMER_JOBS_SUCCEEDED, round)).isEqualTo(MEASURES);
        Map<String, Long> byNode = ledger.grouped(Ledger.GREEN_TIMERS_BY_NODE, round);
        System.out.println("Green reminders processed by node: " + byNode);
        assertThat(byNode).as("both nodes did work").containsOnlyKeys("node1", "node2")
            .allSatisfy((node, jobs) -> assertThat(jobs).isPositive());

        mail.assertEveryGreenReminderArrivedOnce(ledger, round, MEASURES, List.of(), Map.of());
        assertThat(ledger.grouped(Ledger.SENT_BY_NODE, round)).as("both nodes delivered")
            .containsOnlyKeys("node1", "node2");
        assertThat(ledger.count(Ledger.UNIT_TASKS, round)).as("every unit task still waits").isEqualTo(MEASURES);
        assertThat(ledger.count(Ledger.FAILED_JOBS)).isZero();
    }

    @Test
    void whenANodeIsKilledTheSurvivorFinishesEverythingAfterTheLocksExpire() throws Exception {
        String url = PostgresTestDatabase.newDatabase();
        Ledger ledger = new Ledger(url);
        String round = seed(url, "CLUSTER2");

        startBoth(url);
        String deadOwner = second.lockOwner();
        assertThat(deadOwner).as("each node's job executor has a lock owner of its own").isNotEqualTo(first.lockOwner());
        first.releaseReminders();
        long doneBySecond = ledger.await(DRAIN, n -> n >= 20, Ledger.GREEN_TIMERS_BY_ONE_NODE, round, "node2");
        // kill node2 while it holds jobs: its executor works a batch of 20 at a time
        ledger.await(DRAIN, n -> n >= 5, "SELECT COUNT(*) FROM (" + Ledger.JOBS_LOCKED_BY + ") held", deadOwner);
        second.kill();
        Map<String, Instant> heldByTheDead = ledger.instants(Ledger.JOBS_LOCKED_BY, deadOwner);
        List<String> underWay = ledger.ids(Ledger.DELIVERIES_UNDER_WAY, round, "node2");
        Map<String, Long> mailedBefore = mail.byRecipientAndSubject();
        long before = ledger.count(Ledger.GREEN_NOTICES, round);
        System.out.println("node2 killed after " + doneBySecond + " of its jobs; " + before + " of " + MEASURES
            + " notices written; " + heldByTheDead.size() + " jobs locked by node2 (" + deadOwner + ") until "
            + heldByTheDead.values().stream().max(Instant::compareTo).orElse(null) + "; " + mailedBefore.size()
            + " e-mails received, " + underWay + " under way");
        assertThat(doneBySecond).as("node2 was working when it died").isGreaterThanOrEqualTo(20);
        assertThat(before).as("the storm was under way").isLessThan(MEASURES);
        assertThat(heldByTheDead).as("jobs locked by the dead node, their locks not yet expired").isNotEmpty();

        long notices = ledger.await(DRAIN, n -> n >= MEASURES, Ledger.GREEN_NOTICES, round);
        ledger.await(DRAIN, n -> n == 0, Ledger.GREEN_TIMERS_WAITING, round);

        assertThat(notices).as("nothing lost").isEqualTo(MEASURES);
        assertThat(ledger.count(Ledger.MEASURES_WITH_GREEN_NOTICE, round)).as("no duplicate").isEqualTo(MEASURES);
        assertThat(ledger.count(Ledger.GREEN_TIMERS_WAITING, round)).isZero();
        assertThat(ledger.count(Ledger.GREEN_TIMER_JOBS_SUCCEEDED, round)).isEqualTo(MEASURES);
        assertThat(ledger.count(Ledger.GREEN_TIMER_SUCCESSES, round)).as("each timer job ran once").isEqualTo(MEASURES);
        Map<String, Long> byNode = ledger.grouped(Ledger.GREEN_TIMERS_BY_NODE, round);
        System.out.println("Green reminders processed by node (node2 killed): " + byNode);
        assertThat(byNode.get("node1")).as("the survivor finished the rest").isEqualTo(MEASURES - byNode.get("node2"));
        heldByTheDead.forEach((job, lockExpired) -> {
            assertThat(ledger.count(Ledger.JOB_SUCCESSES, job)).as("job " + job + " ran once").isOne();
            assertThat(ledger.instants(Ledger.JOB_SUCCESSES_ON, job, "node1").values()).as("job " + job
                    + " locked by the dead node until " + lockExpired + ": done by the survivor, after that")
                .singleElement().satisfies(done -> assertThat(done).isAfterOrEqualTo(lockExpired));
        });
        mail.assertEveryGreenReminderArrivedOnce(ledger, round, MEASURES, underWay, mailedBefore);
        assertThat(ledger.count(Ledger.UNIT_TASKS, round)).isEqualTo(MEASURES);
        assertThat(first.isAlive()).isTrue();
    }
}
