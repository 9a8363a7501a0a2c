package org.rectiflow.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Tests that call the running application over HTTP, as its users do: a real port, the demo users'
 * logins, and this context's engine behind the REST API and the webapps.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class WebTest {

    @LocalServerPort protected int port;
    @Autowired protected ProcessEngine processEngine;

    /** See {@link DefaultEngine}: a cached context's HTTP calls must reach its own engine. */
    @BeforeEach
    void callThisContextsEngine() {
        DefaultEngine.use(processEngine);
    }

    /** An HTTP Basic {@code Authorization} header value. */
    public static String basicAuth(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
