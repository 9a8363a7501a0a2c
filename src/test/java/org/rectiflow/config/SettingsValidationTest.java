package org.rectiflow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Period;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.rectiflow.evidence.EvidenceProperties;
import org.rectiflow.lookback.LookBackProperties;
import org.rectiflow.plan.PlanProperties;
import org.rectiflow.security.ProxyProperties;
import org.rectiflow.supervision.EscalationProperties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.rectiflow.RectiflowApplication;

/** Settings out of range stop the application with a message that names the setting. */
class SettingsValidationTest {

    @Test
    void aCommentRoundCountBelowOneIsRefused() {
        assertThatThrownBy(() -> new PlanProperties(0, Period.ofDays(7), 2))
            .hasMessageContaining("rectiflow.plan.comment-rounds").hasMessageContaining("at least 1");
    }

    @Test
    void aLookBackShareOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new LookBackProperties(Period.ofMonths(6), 0, Period.ofDays(30)))
            .hasMessageContaining("rectiflow.look-back.share");
        assertThatThrownBy(() -> new LookBackProperties(Period.ofMonths(6), 1.5, Period.ofDays(30)))
            .hasMessageContaining("rectiflow.look-back.share");
    }

    @Test
    void aLadderWhoseAmberComesBeforeItsGreenIsRefused() {
        assertThatThrownBy(() -> new EscalationProperties(5, 10, Period.ofDays(7), 30))
            .hasMessageContaining("green-days-before");
    }

    @Test
    void aTrustedProxyIsAnAddressOrANetworkNeverAHostName() {
        assertThatThrownBy(() -> new ProxyProperties(List.of("lb")))
            .hasMessage("rectiflow.proxy.trusted: 'lb': give IP addresses (172.28.0.10, 2001:db8::10) or IPv4 "
                + "networks (172.28.0.0/24), not host names");
        assertThatThrownBy(() -> new ProxyProperties(List.of("172.28.0.300")))
            .hasMessage("rectiflow.proxy.trusted: '172.28.0.300': an address's numbers are at most 255");
        assertThatThrownBy(() -> new ProxyProperties(List.of("172.28.0.0/33")))
            .hasMessage("rectiflow.proxy.trusted: '172.28.0.0/33': a network's prefix length is at most 32");
    }

    @Test
    void trustedProxiesMatchExactlyTheirAddresses() {
        Pattern trusted = Pattern.compile(new ProxyProperties(List.of(" 172.28.0.10", "10.1.4.0/22 ", "::1"))
            .addressPattern());

        assertThat(List.of("172.28.0.10", "10.1.4.0", "10.1.7.255", "10.1.5.33", "0:0:0:0:0:0:0:1"))
            .allMatch(address -> trusted.matcher(address).matches());
        assertThat(List.of("172.28.0.1", "172.28.0.100", "172.28.0.10.5", "10.1.8.1", "10.1.3.255", "127.0.0.1",
            "0:0:0:0:0:0:0:2")).noneMatch(address -> trusted.matcher(address).matches());
        assertThat(new ProxyProperties(null).trusted()).isEmpty();
    }

    @Test
    void evidenceLimitsAndTypesAreChecked() {
        assertThat(new EvidenceProperties(null, null, null).maxFileSize()).isEqualTo(DataSize.ofMegabytes(20));
        assertThat(new EvidenceProperties(null, null, null).maxPerMeasure()).isEqualTo(DataSize.ofMegabytes(200));
        assertThatThrownBy(() -> new EvidenceProperties(DataSize.ofMegabytes(20), DataSize.ofMegabytes(10), null))
            .hasMessageContaining("rectiflow.evidence.max-per-measure must be at least");
        assertThatThrownBy(() -> new EvidenceProperties(DataSize.ofBytes(0), null, null))
            .hasMessageContaining("rectiflow.evidence.max-file-size must be positive");
        assertThatThrownBy(() -> new EvidenceProperties(null, null, List.of("application/x-msdownload")))
            .hasMessageContaining("rectiflow.evidence.allowed-types: application/x-msdownload is not one of");
    }

    @Test
    void theApplicationDoesNotStartWithABadShare() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(RectiflowApplication.class)
            .profiles("test").run("--rectiflow.look-back.share=2", "--server.port=0").close())
            .rootCause().hasMessageContaining("rectiflow.look-back.share must lie in (0, 1], not 2.0");
    }

    @Test
    void theApplicationDoesNotStartWithAnUnknownWebhookFormat() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(RectiflowApplication.class)
            .profiles("test").run("--rectiflow.notification.webhook.url=http://127.0.0.1:9/hook",
                "--rectiflow.notification.webhook.format=slack", "--server.port=0").close())
            .rootCause().hasMessageContaining(
                "rectiflow.notification.webhook.format must be one of generic, wecom, dingtalk, not 'slack'");
    }

    @Test
    void theApplicationDoesNotStartWithEmailOnButNoSmtpServer() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(RectiflowApplication.class)
            .profiles("test").run("--rectiflow.notification.email.enabled=true",
                "--rectiflow.notification.email.from=noreply@rectiflow.local", "--server.port=0").close())
            .rootCause().hasMessageContaining("rectiflow.notification.email.enabled is true")
            .hasMessageContaining("spring.mail.host");
    }
}
