package org.rectiflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;
import org.rectiflow.support.RawHttp;
import org.rectiflow.support.RawHttp.Answer;
import org.rectiflow.support.WebTest;
import org.springframework.test.context.TestPropertySource;

/**
 * Forwarding headers count only from the configured proxies. This context trusts one proxy address,
 * 127.0.0.2, and keeps Spring Boot's {@code native} strategy on as the {@code prod} profile had it (whose
 * default believes every private address, the loopback included): a client connecting from 127.0.0.1 sends
 * a foreign host in {@code X-Forwarded-Host} and in {@code Forwarded} and is not redirected there, while the
 * proxy's own headers are applied.
 */
@TestPropertySource(properties = {
    "rectiflow.proxy.trusted=127.0.0.2",
    "server.forward-headers-strategy=native",
})
class ForwardedHeadersTest extends WebTest {

    private static final String[] FOREIGN = {
        "X-Forwarded-Host: evil.example",
        "X-Forwarded-Proto: https",
        "X-Forwarded-Port: 443",
        "X-Forwarded-For: 203.0.113.9",
    };

    private Answer fromClient(String path, String... headers) throws Exception {
        return RawHttp.sendFrom(InetAddress.getByName("127.0.0.1"), port, "GET", path, null, headers);
    }

    private Answer fromProxy(String path, String... headers) throws Exception {
        return RawHttp.sendFrom(InetAddress.getByName("127.0.0.2"), port, "GET", path, null, headers);
    }

    @Test
    void aClientsForwardedHostDoesNotMoveTheWebappsRedirect() throws Exception {
        Answer index = fromClient("/camunda/app/", FOREIGN);

        assertThat(index.status()).isEqualTo(302);
        assertThat(index.header("Location")).isEqualTo("http://localhost:" + port + "/camunda/app/welcome/default/");
    }

    @Test
    void aClientsForwardedHostDoesNotMoveTheRootOrTheTasklistRedirect() throws Exception {
        assertThat(fromClient("/", FOREIGN).header("Location"))
            .isEqualTo("http://localhost:" + port + "/camunda/app/");
        assertThat(fromClient("/camunda/app/tasklist/", FOREIGN).header("Location"))
            .isEqualTo("http://localhost:" + port + "/camunda/app/tasklist/default/");
    }

    @Test
    void aClientsForwardedHeaderIsNeverRead() throws Exception {
        Answer fromClient = fromClient("/camunda/app/", "Forwarded: host=evil.example;proto=https;for=203.0.113.9");
        Answer fromProxy = fromProxy("/camunda/app/", "Forwarded: host=evil.example;proto=https;for=203.0.113.9");

        assertThat(fromClient.header("Location")).isEqualTo("http://localhost:" + port + "/camunda/app/welcome/default/");
        assertThat(fromProxy.header("Location")).isEqualTo("http://localhost:" + port + "/camunda/app/welcome/default/");
    }

    @Test
    void theApiDescriptionNamesTheServerTheClientReached() throws Exception {
        Answer description = fromClient("/api/openapi", RawHttp.basic("demo", "demo"), FOREIGN[0], FOREIGN[1],
            FOREIGN[2]);

        assertThat(description.status()).isEqualTo(200);
        assertThat(description.body()).contains("\"url\":\"http://localhost:" + port + "\"")
            .doesNotContain("evil.example");
    }

    @Test
    void theTrustedProxysHeadersAreApplied() throws Exception {
        Answer index = fromProxy("/camunda/app/", "X-Forwarded-Host: rectiflow.example.org",
            "X-Forwarded-Proto: https", "X-Forwarded-Port: 443", "X-Forwarded-For: 203.0.113.9");

        assertThat(index.status()).isEqualTo(302);
        assertThat(index.header("Location")).isEqualTo("https://rectiflow.example.org/camunda/app/welcome/default/");
    }

    @Test
    void theTrustedProxysHostWithItsPortIsApplied() throws Exception {
        // what the load balancer sends (docker/haproxy.cfg): the Host the client used, its port, plain HTTP
        Answer index = fromProxy("/camunda/app/", "X-Forwarded-Host: rectiflow.example.org:8080",
            "X-Forwarded-Proto: http", "X-Forwarded-Port: 8080", "X-Forwarded-For: 203.0.113.9");

        assertThat(index.header("Location")).isEqualTo("http://rectiflow.example.org:8080/camunda/app/welcome/default/");
    }
}
