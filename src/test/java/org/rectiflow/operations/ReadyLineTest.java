package org.rectiflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Issue 17: one line says when the application is ready, where to open it and, in the demo, whom to log in as. */
class ReadyLineTest {

    @Test
    void saysWhereToOpenTheWebappsOnTheBoundAddress() {
        MockEnvironment environment = new MockEnvironment().withProperty("server.address", "127.0.0.1");

        assertThat(ReadyLine.message(environment, 18080, Duration.ofMillis(23_456))).isEqualTo(
            "Rectiflow ready in 23.5 s: open http://127.0.0.1:18080/ (Tasklist http://127.0.0.1:18080/camunda/app/tasklist/,"
                + " Cockpit http://127.0.0.1:18080/camunda/app/cockpit/, Admin http://127.0.0.1:18080/camunda/app/admin/,"
                + " dashboard http://127.0.0.1:18080/api/dashboard, API http://127.0.0.1:18080/api/docs)");
    }

    @Test
    void theDemoNamesItsLoginsAndAnyAddressReadsAsLocalhostWithTheContextPath() {
        MockEnvironment environment = new MockEnvironment().withProperty("server.address", "0.0.0.0")
            .withProperty("server.servlet.context-path", "/rectiflow/");
        environment.setActiveProfiles("demo");

        assertThat(ReadyLine.message(environment, 8080, Duration.ofSeconds(31))).isEqualTo(
            "Rectiflow ready in 31.0 s: open http://localhost:8080/rectiflow/ (Tasklist"
                + " http://localhost:8080/rectiflow/camunda/app/tasklist/, Cockpit http://localhost:8080/rectiflow/camunda/app/cockpit/,"
                + " Admin http://localhost:8080/rectiflow/camunda/app/admin/, dashboard http://localhost:8080/rectiflow/api/dashboard,"
                + " API http://localhost:8080/rectiflow/api/docs); demo logins (docs/demo-logins.md): officer1 (office),"
                + " personnelLiaison (unit liaison), supervisor1 (supervision), chief (leading group), demo (administrator)");
    }
}
