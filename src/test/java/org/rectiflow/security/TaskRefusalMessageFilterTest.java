package org.rectiflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Issue 17: the Tasklist shows a refused form's message as the server words it; the engine's English prefix with the
 * task's id is taken off a 400 of {@code submit-form} or {@code complete}, on the webapps' API and the REST API alike
 * ({@code guard/RefusalLogTest} checks the REST API's answer end to end).
 */
class TaskRefusalMessageFilterTest {

    private static MockHttpServletResponse answer(String method, String path, int status, String body) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRequestURI(path);
        request.setServletPath(path); // as Tomcat decodes it: the filter compares the normalised path
        MockHttpServletResponse response = new MockHttpServletResponse();
        new TaskRefusalMessageFilter().doFilter(request, response, new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res)
                throws java.io.IOException {
                jakarta.servlet.http.HttpServletResponse http = (jakarta.servlet.http.HttpServletResponse) res;
                http.setStatus(status);
                http.setContentType("application/json");
                http.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
            }
        });
        return response;
    }

    @Test
    void theTasklistsSubmitAnswersWithTheRefusalAlone() throws Exception {
        MockHttpServletResponse response = answer("POST",
            "/camunda/api/engine/engine/default/task/b19d3b18-f1fc-11f1-982f-02fc00000001/submit-form", 400,
            "{\"type\":\"RestException\",\"message\":\"Cannot submit task form b19d3b18-f1fc-11f1-982f-02fc00000001: "
                + "请填写办理状态\",\"code\":0}");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8))
            .isEqualTo("{\"type\":\"RestException\",\"message\":\"请填写办理状态\",\"code\":0}");
    }

    @Test
    void aCompletionsRefusalTooAndAFaultOrAnotherCallUntouched() throws Exception {
        assertThat(answer("POST", "/engine-rest/task/42/complete", 400,
            "{\"type\":\"RestException\",\"message\":\"Cannot complete task 42: 任务“审核”的表单中没有“x”这一项，任务未办结，未作任何更改\"}")
            .getContentAsString(StandardCharsets.UTF_8))
            .isEqualTo("{\"type\":\"RestException\",\"message\":\"任务“审核”的表单中没有“x”这一项，任务未办结，未作任何更改\"}");
        String fault = "{\"type\":\"RestException\",\"message\":\"Cannot submit task form 42: database down\"}";
        assertThat(answer("POST", "/engine-rest/task/42/submit-form", 500, fault)
            .getContentAsString(StandardCharsets.UTF_8)).isEqualTo(fault);
        String other = "{\"type\":\"RestException\",\"message\":\"Cannot submit task form 42: x\"}";
        assertThat(answer("POST", "/engine-rest/task/42/claim", 400, other)
            .getContentAsString(StandardCharsets.UTF_8)).isEqualTo(other);
    }
}
