package org.rectiflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Issue 17: the log channel writes one line per message at INFO; the text, often many lines, only at DEBUG. */
class LogChannelTest {

    private final Logger channel = (Logger) LoggerFactory.getLogger("rectiflow.notifications");
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private Level level;

    @BeforeEach
    void catchTheChannel() {
        level = channel.getLevel();
        events.start();
        channel.addAppender(events);
    }

    @AfterEach
    void release() {
        channel.detachAppender(events);
        channel.setLevel(level);
    }

    @Test
    void oneInfoLinePerMessageWithoutItsText() {
        channel.setLevel(Level.INFO);

        new LogChannel().deliver(entry());

        assertThat(events.list).hasSize(1);
        assertThat(events.list.get(0).getLevel()).isEqualTo(Level.INFO);
        assertThat(events.list.get(0).getFormattedMessage())
            .isEqualTo("Notification XC2020XMGA:TASKLIST:v4:personnel:personnelLiaison:LOG to personnelLiaison: 【任务清单】人事处的整改任务");
    }

    @Test
    void theTextAtDebug() {
        channel.setLevel(Level.DEBUG);

        new LogChannel().deliver(entry());

        assertThat(events.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.INFO, Level.DEBUG);
        assertThat(events.list.get(1).getFormattedMessage()).isEqualTo(
            "Notification XC2020XMGA:TASKLIST:v4:personnel:personnelLiaison:LOG text:\n1. XC2020XMGA-26-01 组织专题学习\n2. XC2020XMGA-26-02 制定制度");
    }

    private static OutboxEntry entry() {
        return new OutboxEntry(1, null, "XC2020XMGA:TASKLIST:v4:personnel:personnelLiaison:LOG", LogChannel.NAME,
            "personnelLiaison", List.of("personnelLiaison"), "【任务清单】人事处的整改任务",
            "1. XC2020XMGA-26-01 组织专题学习\n2. XC2020XMGA-26-02 制定制度", null, "PENDING", 0, null,
            Instant.parse("2026-12-07T00:00:00Z"), null, null, null);
    }
}
