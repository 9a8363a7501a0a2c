package org.rectiflow.security;

import java.util.List;

import org.apache.catalina.Valve;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Forwarding headers are believed only from the proxies of {@link ProxyProperties}: Tomcat's
 * {@link RemoteIpValve} applies {@code X-Forwarded-For}, {@code -Proto}, {@code -Host} and {@code -Port} when
 * the connection comes from one of them, and ignores them otherwise. Spring Boot's own valve
 * ({@code server.forward-headers-strategy: native}, whose default trusts every private address, the
 * loopback included) is removed, so this setting is the only one that decides. {@code Forwarded} (RFC 7239)
 * is never read: Tomcat does not know it, and Spring's filter for it is not registered.
 */
@Component
public class ForwardedHeaders implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final ProxyProperties proxies;

    public ForwardedHeaders(ProxyProperties proxies) {
        this.proxies = proxies;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        List<Valve> valves = factory.getEngineValves().stream().filter(v -> !(v instanceof RemoteIpValve)).toList();
        factory.setEngineValves(valves);
        if (proxies.trusted().isEmpty()) {
            return;
        }
        RemoteIpValve valve = new RemoteIpValve();
        valve.setInternalProxies(proxies.addressPattern());
        valve.setTrustedProxies(null);
        valve.setRemoteIpHeader("X-Forwarded-For");
        valve.setProtocolHeader("X-Forwarded-Proto");
        valve.setHostHeader("X-Forwarded-Host");
        valve.setPortHeader("X-Forwarded-Port");
        factory.addEngineValves(valve);
    }

    /** After Spring Boot's customizers, whose valve this one replaces. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
