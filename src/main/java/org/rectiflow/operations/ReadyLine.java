package org.rectiflow.operations;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * One log line when the application is ready for its users: after every start-up runner (the organisation and, in
 * the demo, its rounds), not at Spring Boot's {@code Started …}, which comes before them. It says where to open the
 * webapps and, in the demo profile, which logins to try.
 */
@Component
public class ReadyLine {

    private static final Logger LOG = LoggerFactory.getLogger(ReadyLine.class);

    private final Environment environment;

    public ReadyLine(Environment environment) {
        this.environment = environment;
    }

    @EventListener
    public void ready(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null
            && web.getWebServer().getPort() > 0) {
            LOG.info(message(environment, web.getWebServer().getPort(), event.getTimeTaken()));
        }
    }

    /** The line, for the server's port and the time from the start to ready. */
    static String message(Environment environment, int port, Duration timeTaken) {
        String base = "http://" + host(environment.getProperty("server.address")) + ":" + port
            + contextPath(environment.getProperty("server.servlet.context-path"));
        String line = String.format(Locale.ROOT, "Rectiflow ready in %.1f s: open %s/ (Tasklist %s/camunda/app/tasklist/,"
            + " Cockpit %s/camunda/app/cockpit/, Admin %s/camunda/app/admin/, dashboard %s/api/dashboard, API %s/api/docs)",
            timeTaken == null ? 0.0 : timeTaken.toMillis() / 1000.0, base, base, base, base, base, base);
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            line += "; demo logins (docs/demo-logins.md): officer1 (office), personnelLiaison (unit liaison),"
                + " supervisor1 (supervision), chief (leading group), demo (administrator)";
        }
        return line;
    }

    private static String host(String address) {
        if (address == null || address.isBlank()) {
            return "localhost";
        }
        try {
            InetAddress bound = InetAddress.getByName(address.strip());
            if (bound.isAnyLocalAddress()) {
                return "localhost";
            }
            String text = bound.getHostAddress();
            return text.contains(":") ? "[" + text + "]" : text;
        } catch (UnknownHostException e) {
            return address.strip();
        }
    }

    private static String contextPath(String path) {
        if (path == null || path.isBlank() || path.equals("/")) {
            return "";
        }
        String trimmed = path.strip();
        trimmed = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        return trimmed.startsWith("/") ? trimmed : "/" + trimmed;
    }
}
