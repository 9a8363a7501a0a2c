package org.rectiflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server on loopback (GreenMail) that the nodes send their e-mail to; lists every e-mail that
 * arrived, one per recipient address, repeated deliveries included. Public for {@code bench/ClusterBenchmark}.
 */
public final class MailCatcher implements AutoCloseable {

    /** One e-mail as it arrived: its recipient, its subject and its Message-ID header. */
    record Mail(String to, String subject, String messageId) {

        /** What identifies a notification's e-mail to a person, whatever the sender's keys: recipient and subject. */
        String recipientAndSubject() {
            return to + " " + subject;
        }
    }

    private final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    public MailCatcher() {
        smtp.start();
    }

    /** The nodes' settings: e-mail on, to this server, with timeouts well inside the short lease. */
    public List<String> settings() {
        return List.of(
            "--rectiflow.notification.email.enabled=true",
            "--rectiflow.notification.email.from=zhenggai@rectiflow.test",
            "--spring.mail.host=127.0.0.1",
            "--spring.mail.port=" + smtp.getSmtp().getPort(),
            "--spring.mail.properties.mail.smtp.connectiontimeout=3000",
            "--spring.mail.properties.mail.smtp.timeout=3000",
            "--spring.mail.properties.mail.smtp.writetimeout=3000",
            "--rectiflow.notification.lease=PT20S");
    }

    /** Every e-mail received so far, in the order of arrival. */
    List<Mail> mails() {
        return Arrays.stream(smtp.getReceivedMessages()).map(MailCatcher::mail).toList();
    }

    public int received() {
        return smtp.getReceivedMessages().length;
    }

    /** "recipient subject" → how many e-mails arrived with them (a notification sent twice counts 2). */
    Map<String, Long> byRecipientAndSubject() {
        return mails().stream().collect(Collectors.groupingBy(Mail::recipientAndSubject, TreeMap::new,
            Collectors.counting()));
    }

    /** Message-ID → how many e-mails carried it (a delivery repeated after a crash carries the same one). */
    Map<String, Long> byMessageId() {
        return mails().stream().collect(Collectors.groupingBy(Mail::messageId, TreeMap::new, Collectors.counting()));
    }

    /**
     * Every green reminder of the round was written once and arrived once, counted from every e-mail this server
     * received: one to each measure's liaison titled 【绿色提醒】 and the measure's code, and no other. A delivery a
     * killed node had under way ({@link Ledger#DELIVERIES_UNDER_WAY} at the kill) may arrive twice: the SMTP
     * server accepted it, and the node that took the row over when its lease ran out sent it again. Nothing
     * received before the kill ({@code receivedBefore}) arrives again.
     */
    public void assertEveryGreenReminderArrivedOnce(Ledger ledger, String round, int measures, List<String> underWay,
                                             Map<String, Long> receivedBefore) throws InterruptedException {
        long notifications = ledger.count(Ledger.NOTIFICATIONS, round);
        assertThat(notifications).as("the green reminder tells each measure's liaison, by e-mail").isEqualTo(measures);
        assertThat(ledger.count(Ledger.NOTIFICATIONS_WRITTEN_TWICE, round)).as("no notification written twice").isZero();
        assertThat(ledger.await(Duration.ofMinutes(3), n -> n == notifications, Ledger.NOTIFICATIONS_SENT, round))
            .isEqualTo(notifications);
        assertThat(underWay).as("one dispatcher per node: at most one delivery under way").hasSizeLessThanOrEqualTo(1);

        Map<String, Long> received = byRecipientAndSubject();
        Set<String> expected = new TreeSet<>(ledger.ids(Ledger.GREEN_REMINDER_MAILS, round));
        assertThat(expected).hasSize(measures);
        Map<String, Long> repeated = new TreeMap<>(received);
        repeated.values().removeIf(n -> n == 1);
        System.out.println(received() + " e-mails for " + notifications + " notifications; repeated: " + repeated);
        assertThat(received.keySet()).as("every reminder arrived, and no other e-mail").isEqualTo(expected);
        assertThat(repeated.keySet()).as("only a delivery under way at the kill may repeat").isSubsetOf(underWay);
        assertThat(repeated.values()).as("and then once more only").allSatisfy(n -> assertThat(n).isEqualTo(2));
        receivedBefore.forEach((sent, n) -> {
            if (!underWay.contains(sent)) {
                assertThat(received.get(sent)).as(sent + ", received before the kill, not sent again").isEqualTo(n);
            }
        });
        assertThat((long) received()).as("every e-mail received")
            .isEqualTo(notifications + repeated.values().stream().mapToLong(n -> n - 1).sum());
        assertThat(byMessageId()).as("one Message-ID per notification; a repeated delivery carries its first's")
            .hasSize((int) notifications);
    }

    private static Mail mail(MimeMessage message) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            if (to == null || to.length != 1) {
                throw new IllegalStateException("an e-mail to " + Arrays.toString(to) + ": one recipient expected");
            }
            return new Mail(to[0].toString(), message.getSubject(), message.getMessageID());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        smtp.stop();
    }
}
