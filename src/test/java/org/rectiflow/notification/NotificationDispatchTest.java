package org.rectiflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectiflow.common.EngineClock;
import org.rectiflow.common.NodeId;
import org.rectiflow.support.WebhookRecorder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The outbox delivered for real: e-mail to a local SMTP server (GreenMail), the webhook to a local HTTP server,
 * retries with backoff on the engine clock, dead letters, two nodes sharing the work, and a dead node's lease
 * taken over. Both servers listen on free loopback ports; the log channel is off here.
 */
@SpringBootTest
@ActiveProfiles("test")
class NotificationDispatchTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Instant NINE = LocalDate.of(2026, 3, 2).atTime(9, 0).atZone(ZONE).toInstant();
    private static final String NO_MAIL_USER = "noMailUser";

    /** Started once for the test JVM (the forked JVM's exit ends them), shared by the H2 and PostgreSQL classes. */
    private static final GreenMail SMTP = startSmtp();
    private static final WebhookRecorder WEBHOOK = WebhookRecorder.start();

    @Autowired NotificationService notificationService;
    @Autowired NotificationRepository outbox;
    @Autowired OutboxDispatcher dispatcher;
    @Autowired List<NotificationChannel> channels;
    @Autowired NotificationProperties properties;
    @Autowired RecipientDirectory directory;
    @Autowired EngineClock clock;
    @Autowired IdentityService identityService;
    @Autowired ObjectMapper json;
    @Autowired JdbcClient jdbc;

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("rectiflow.notification.email.enabled", () -> "true");
        registry.add("rectiflow.notification.email.from", () -> "整改通 <noreply@rectiflow.local>");
        registry.add("rectiflow.notification.webhook.url", WEBHOOK::url);
        registry.add("rectiflow.notification.webhook.format", () -> "generic");
        registry.add("rectiflow.notification.webhook.connect-timeout", () -> "PT2S");
        registry.add("rectiflow.notification.webhook.read-timeout", () -> "PT5S");
        registry.add("rectiflow.notification.log.enabled", () -> "false");
        registry.add("rectiflow.notification.retry.initial-interval", () -> "PT30S");
        registry.add("rectiflow.notification.retry.max-interval", () -> "PT1M");
        registry.add("rectiflow.notification.retry.max-attempts", () -> "4");
        registry.add("rectiflow.node-id", () -> "node-test");
    }

    @BeforeEach
    void cleanOutboxAndServers() throws Exception {
        ClockUtil.setCurrentTime(Date.from(NINE));
        jdbc.sql("DELETE FROM notification").update();
        SMTP.purgeEmailFromAllMailboxes();
        WEBHOOK.reset();
        if (identityService.createUserQuery().userId(NO_MAIL_USER).count() == 0) {
            User user = identityService.newUser(NO_MAIL_USER);
            user.setFirstName("邮");
            user.setLastName("无");
            identityService.saveUser(user);
        }
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theChannelsAreThoseSwitchedOn() {
        assertThat(channels).extracting(NotificationChannel::name)
            .containsExactlyInAnyOrder(EmailChannel.NAME, WebhookChannel.NAME);
    }

    @Test
    void anEmailGoesToTheUsersAddressWithSubjectBodyAndAMessageIdFromTheKey() throws Exception {
        notificationService.enqueue(new Notification("M1:GREEN:2026-03-02", List.of("officer1", NO_MAIL_USER),
            "【绿色提醒】XC-1-1", "整改措施XC-1-1将于2026年3月22日到期，请抓紧办理。", "XC-1-1"));

        assertThat(outbox.pending(100)).extracting(OutboxEntry::key).containsExactlyInAnyOrder(
            "M1:GREEN:2026-03-02:officer1:EMAIL", "M1:GREEN:2026-03-02:*:WEBHOOK");
        assertThat(outbox.forRecipient(NO_MAIL_USER)).as("a user without an address gets no e-mail row").isEmpty();

        assertThat(dispatcher.dispatchPending()).isEqualTo(2);

        assertThat(SMTP.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("【绿色提醒】XC-1-1");
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
            .containsExactly("officer1@rectiflow.local");
        assertThat(mail.getFrom()[0].toString()).contains("noreply@rectiflow.local");
        assertThat(((String) mail.getContent()).strip())
            .startsWith("整改措施XC-1-1将于2026年3月22日到期，请抓紧办理。")
            .endsWith(EmailChannel.FOOTER.strip());
        assertThat(mail.getMessageID())
            .isEqualTo(EmailChannel.messageId("M1:GREEN:2026-03-02:officer1:EMAIL", "rectiflow.local"))
            .matches("<[0-9a-f]{40}\\.rectiflow@rectiflow\\.local>");

        OutboxEntry sent = outbox.byKey("M1:GREEN:2026-03-02:officer1:EMAIL").orElseThrow();
        assertThat(sent.status()).isEqualTo(NotificationRepository.SENT);
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(sent.sentAt()).isEqualTo(NINE);
        assertThat(sent.claimedBy()).isEqualTo("node-test");
        assertThat(sent.claimedUntil()).isNull();
        assertThat(dispatcher.dispatchPending()).isZero();
    }

    @Test
    void theWebhookPostsOneGenericMessagePerNotificationNamingItsRecipients() throws Exception {
        notificationService.enqueue(new Notification("B7", List.of("officer1", "chief", "officer1"),
            "【整改进展通报】截至2026年3月2日", "红灯单位：思明分局。", null));

        OutboxEntry row = outbox.byKey("B7:*:WEBHOOK").orElseThrow();
        assertThat(row.recipient()).isEqualTo(OutboxEntry.EVERYONE);
        assertThat(row.recipients()).containsExactly("officer1", "chief");
        assertThat(dispatcher.dispatchPending()).isEqualTo(3);

        assertThat(WEBHOOK.requests()).hasSize(1);
        WebhookRecorder.Request request = WEBHOOK.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Idempotency-Key")).isEqualTo("B7:*:WEBHOOK");
        assertThat(request.header("Content-Type")).startsWith("application/json");
        JsonNode body = json.readTree(request.body());
        assertThat(body.get("key").asText()).isEqualTo("B7");
        assertThat(body.get("recipients")).extracting(JsonNode::asText).containsExactly("officer1", "chief");
        assertThat(body.get("subject").asText()).isEqualTo("【整改进展通报】截至2026年3月2日");
        assertThat(body.get("body").asText()).isEqualTo("红灯单位：思明分局。");
        assertThat(body.get("measureCode").isNull()).isTrue();
        assertThat(SMTP.waitForIncomingEmail(5_000, 2)).isTrue();
    }

    @Test
    void chatRobotsGetTheTextWithTheRecipientsNames() throws Exception {
        for (String format : List.of("wecom", "dingtalk")) {
            WEBHOOK.reset();
            notificationService.enqueue(new Notification("R-" + format, List.of("officer1", "chief"),
                "【红色督办】XC-1-1", "整改措施XC-1-1已逾期。", "XC-1-1"));
            OutboxDispatcher robotNode = dispatcher("robot-node", webhook(format, WEBHOOK.url()));

            assertThat(robotNode.dispatchPending()).as(format).isEqualTo(1);

            assertThat(WEBHOOK.requests()).hasSize(1);
            WebhookRecorder.Request request = WEBHOOK.requests().get(0);
            assertThat(request.header("Idempotency-Key")).isEqualTo("R-" + format + ":*:WEBHOOK");
            JsonNode body = json.readTree(request.body());
            assertThat(body.get("msgtype").asText()).isEqualTo("text");
            assertThat(body.get("text").get("content").asText())
                .isEqualTo("【红色督办】XC-1-1\n整改措施XC-1-1已逾期。\n接收人：王明、林志强");
        }
        // the robot node has no e-mail channel: the e-mail rows wait for a node that has
        assertThat(outbox.pending(100)).extracting(OutboxEntry::channel).containsOnly(EmailChannel.NAME).hasSize(4);

        // a robot that answers 200 with an error code has not taken the message
        WEBHOOK.reset();
        WEBHOOK.answer("{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}");
        notificationService.enqueue(new Notification("R-limit", List.of("chief"), "【提醒】", "内容", null));
        assertThat(dispatcher("robot-node", webhook("wecom", WEBHOOK.url())).dispatchPending()).isZero();
        OutboxEntry limited = outbox.byKey("R-limit:*:WEBHOOK").orElseThrow();
        assertThat(limited.status()).isEqualTo(NotificationRepository.PENDING);
        assertThat(limited.lastError()).contains("45009");
    }

    @Test
    void aFailedDeliveryWaitsItsBackoffAndIsThenDeliveredOnce() {
        WEBHOOK.failNext(1, 500);
        notificationService.enqueue(new Notification("F1", List.of(NO_MAIL_USER), "【提醒】", "请办理。", null));
        String key = "F1:*:WEBHOOK";

        assertThat(dispatcher.dispatchPending()).isZero();
        OutboxEntry failed = outbox.byKey(key).orElseThrow();
        assertThat(failed.status()).isEqualTo(NotificationRepository.PENDING);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).contains("500");
        assertThat(failed.nextAttemptAt()).isEqualTo(NINE.plusSeconds(30));
        assertThat(failed.claimedUntil()).isNull();

        // not due before its backoff is over
        assertThat(dispatcher.dispatchPending()).isZero();
        ClockUtil.setCurrentTime(Date.from(NINE.plusSeconds(29)));
        assertThat(dispatcher.dispatchPending()).isZero();
        assertThat(WEBHOOK.requests()).hasSize(1);

        ClockUtil.setCurrentTime(Date.from(NINE.plusSeconds(31)));
        assertThat(dispatcher.dispatchPending()).isEqualTo(1);
        assertThat(dispatcher.dispatchPending()).isZero();

        assertThat(WEBHOOK.requests()).extracting(r -> r.header("Idempotency-Key")).containsExactly(key, key);
        assertThat(WEBHOOK.accepted()).hasSize(1);
        OutboxEntry sent = outbox.byKey(key).orElseThrow();
        assertThat(sent.status()).isEqualTo(NotificationRepository.SENT);
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.sentAt()).isEqualTo(NINE.plusSeconds(31));
    }

    @Test
    void afterMaxAttemptsTheRowIsFailedAndKept() {
        WEBHOOK.failNext(10, 503);
        notificationService.enqueue(new Notification("F2", List.of(NO_MAIL_USER), "【提醒】", "请办理。", null));
        String key = "F2:*:WEBHOOK";

        // max-attempts 4: waits of 30 s, 60 s, then 60 s (the cap, not 120 s), then FAILED
        Instant now = NINE;
        for (Duration wait : List.of(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(60))) {
            assertThat(dispatcher.dispatchPending()).isZero();
            OutboxEntry row = outbox.byKey(key).orElseThrow();
            assertThat(row.status()).isEqualTo(NotificationRepository.PENDING);
            assertThat(row.nextAttemptAt()).isEqualTo(now.plus(wait));
            now = row.nextAttemptAt();
            ClockUtil.setCurrentTime(Date.from(now));
        }
        assertThat(dispatcher.dispatchPending()).isZero();

        OutboxEntry dead = outbox.byKey(key).orElseThrow();
        assertThat(dead.status()).isEqualTo(NotificationRepository.FAILED);
        assertThat(dead.attempts()).isEqualTo(4);
        assertThat(dead.lastError()).contains("503");
        assertThat(outbox.failed()).extracting(OutboxEntry::key).containsExactly(key);

        ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofHours(2))));
        assertThat(dispatcher.dispatchPending()).isZero();
        assertThat(WEBHOOK.requests()).hasSize(4);
        assertThat(WEBHOOK.accepted()).isEmpty();
    }

    @Test
    void aRefusedConnectionIsAFailureToRetry() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        notificationService.enqueue(new Notification("F3", List.of(NO_MAIL_USER), "【提醒】", "请办理。", null));

        assertThat(dispatcher("refused-node", webhook("generic", "http://127.0.0.1:" + port + "/hook"))
            .dispatchPending()).isZero();

        OutboxEntry row = outbox.byKey("F3:*:WEBHOOK").orElseThrow();
        assertThat(row.status()).isEqualTo(NotificationRepository.PENDING);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastError()).contains("ConnectException");
        assertThat(row.nextAttemptAt()).isEqualTo(NINE.plusSeconds(30));

        ClockUtil.setCurrentTime(Date.from(NINE.plusSeconds(30)));
        assertThat(dispatcher.dispatchPending()).isEqualTo(1);
        assertThat(WEBHOOK.accepted()).hasSize(1);
    }

    @Test
    void twoNodesShareTheOutboxAndDeliverEveryRowExactlyOnce() throws Exception {
        for (int i = 0; i < 100; i++) {
            notificationService.enqueue(new Notification("C" + i, List.of("officer1"), "【提醒】第" + i + "条",
                "并发投递测试。", null));
        }
        assertThat(outbox.pending(1000)).hasSize(200);
        OutboxDispatcher nodeA = dispatcher("node-a", channels.toArray(NotificationChannel[]::new));
        OutboxDispatcher nodeB = dispatcher("node-b", channels.toArray(NotificationChannel[]::new));

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = threads.submit(() -> {
                start.await();
                return nodeA.dispatchPending();
            });
            Future<Integer> b = threads.submit(() -> {
                start.await();
                return nodeB.dispatchPending();
            });
            start.countDown();
            int byA = a.get(60, TimeUnit.SECONDS);
            int byB = b.get(60, TimeUnit.SECONDS);
            assertThat(byA + byB).isEqualTo(200);
            assertThat(byA).as("node-a delivered some").isPositive();
            assertThat(byB).as("node-b delivered some").isPositive();
        } finally {
            threads.shutdownNow();
        }

        assertThat(SMTP.waitForIncomingEmail(10_000, 100)).isTrue();
        List<String> messageIds = new ArrayList<>();
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            messageIds.add(message.getMessageID());
        }
        assertThat(messageIds).hasSize(100).doesNotHaveDuplicates();
        assertThat(WEBHOOK.requests()).hasSize(100)
            .extracting(r -> r.header("Idempotency-Key")).doesNotHaveDuplicates();
        assertThat(outbox.pending(1000)).isEmpty();
        Map<String, Long> byNode = jdbc.sql("SELECT claimed_by FROM notification WHERE status = 'SENT'")
            .query(String.class).list().stream().collect(Collectors.groupingBy(n -> n, Collectors.counting()));
        assertThat(byNode.keySet()).containsExactlyInAnyOrder("node-a", "node-b");
        assertThat(byNode.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(200);
    }

    @Test
    void theExpiredLeaseOfADeadNodeIsTakenOver() {
        notificationService.enqueue(new Notification("D1", List.of("officer1"), "【提醒】", "请办理。", null));
        String key = "D1:officer1:EMAIL";
        long id = outbox.byKey(key).orElseThrow().id();
        // a node claimed both rows and died while delivering
        Instant deadLease = NINE.plus(Duration.ofMinutes(2));
        jdbc.sql("UPDATE notification SET claimed_by = 'dead-node', claimed_until = ?")
            .param(java.sql.Timestamp.from(deadLease)).update();

        assertThat(dispatcher.dispatchPending()).as("the lease still runs").isZero();
        ClockUtil.setCurrentTime(Date.from(deadLease.minusSeconds(1)));
        assertThat(dispatcher.dispatchPending()).isZero();

        Instant later = deadLease.plusSeconds(1);
        ClockUtil.setCurrentTime(Date.from(later));
        assertThat(dispatcher.dispatchPending()).isEqualTo(2);
        OutboxEntry sent = outbox.byKey(key).orElseThrow();
        assertThat(sent.status()).isEqualTo(NotificationRepository.SENT);
        assertThat(sent.claimedBy()).isEqualTo("node-test");
        assertThat(sent.sentAt()).isEqualTo(later);

        // the dead node, come back, can no longer mark the row
        assertThat(outbox.markSent(id, "dead-node", deadLease, later)).isFalse();
        assertThat(outbox.markFailed(id, "dead-node", deadLease, "late", later, false)).isFalse();
        assertThat(outbox.byKey(key).orElseThrow().attempts()).isEqualTo(1);
    }

    private OutboxDispatcher dispatcher(String node, NotificationChannel... nodeChannels) {
        return new OutboxDispatcher(outbox, Arrays.asList(nodeChannels), clock, properties, new NodeId(node));
    }

    private WebhookChannel webhook(String format, String url) {
        NotificationProperties robot = new NotificationProperties(false, null, null, properties.lease(),
            properties.retry(), properties.log(), properties.email(),
            new NotificationProperties.Webhook(url, format, Duration.ofSeconds(2), Duration.ofSeconds(5)));
        return new WebhookChannel(robot, directory, json);
    }

    private static GreenMail startSmtp() {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }
}
