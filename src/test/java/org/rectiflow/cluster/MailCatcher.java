package org.rectiflow.cluster;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** A real SMTP server on loopback (GreenMail) that the nodes send their e-mail to; counts what arrived. */
final class MailCatcher implements AutoCloseable {

    private final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    MailCatcher() {
        smtp.start();
    }

    /** The nodes' settings: e-mail on, to this server, with timeouts well inside the short lease. */
    List<String> settings() {
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

    int received() {
        return smtp.getReceivedMessages().length;
    }

    /** Message-ID → how many e-mails carried it (a delivery repeated after a crash carries the same one). */
    Map<String, Long> byMessageId() {
        return Arrays.stream(smtp.getReceivedMessages()).map(MailCatcher::messageId)
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        smtp.stop();
    }
}
