package org.rectiflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Issue 17: each of the engine's common refusals that the webapps can provoke, as the engine words it in 7.24, reads
 * as Chinese advice without ids on the webapps' engine API, and an unknown fault (500) as a generic Chinese line.
 */
class EngineMessagesTest {

    private static String webapp(int status, String message) throws Exception {
        String path = "/camunda/api/engine/engine/default/task/4711/claim";
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setRequestURI(path);
        request.setServletPath(path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        new WebappEngineMessageFilter(taskId -> "4711".equals(taskId) ? Optional.of("周美玲") : Optional.empty())
            .doFilter(request, response, new MockFilterChain() {
                @Override
                public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res)
                    throws java.io.IOException {
                    jakarta.servlet.http.HttpServletResponse http = (jakarta.servlet.http.HttpServletResponse) res;
                    http.setStatus(status);
                    http.setContentType("application/json");
                    http.getOutputStream().write(("{\"type\":\"X\",\"message\":\"" + message + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
                }
            });
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aTaskGoneInEachOfTheEnginesWords() throws Exception {
        for (String gone : new String[] {"No matching task with id 4711", "Cannot find task with id 4711: task is null",
            "No task found for taskId '4711'", "No task found for task id 4711",
            "Cannot modify variables for task 4711: task 4711 doesn't exist",
            "Cannot submit task form 4711: Cannot find task with id 4711: task is null"}) {
            assertThat(webapp(404, gone)).as(gone)
                .isEqualTo("{\"type\":\"X\",\"message\":\"该任务已办结或已不存在，请刷新任务列表\"}");
        }
    }

    @Test
    void aClaimedTaskNamesItsClaimer() throws Exception {
        assertThat(webapp(500, "Task '4711' is already claimed by someone else."))
            .isEqualTo("{\"type\":\"X\",\"message\":\"任务已被周美玲认领，请刷新任务列表\"}");
        assertThat(EngineMessages.forWebapp(500, "Task '42' is already claimed by someone else.", Optional::empty))
            .contains("任务已被他人认领，请刷新任务列表");
    }

    @Test
    void anyMissingPermissionIsOneLineWithoutPermissionNamesOrIds() throws Exception {
        for (String refused : new String[] {
            "The user with id 'simingLiaison' does not have 'CREATE' permission on resource 'Task'.",
            "The user with id 'simingLiaison' does not have one of the following permissions: 'UPDATE' permission on "
                + "resource '4711' of type 'Task' or 'UPDATE_VARIABLE' permission on resource '4711' of type 'Task'"}) {
            assertThat(webapp(403, refused)).as(refused)
                .isEqualTo("{\"type\":\"X\",\"message\":\"您没有执行此操作的权限；如需办理，请联系整改专班\"}");
        }
    }

    @Test
    void aConcurrentChangeASuspensionAndAFault() throws Exception {
        assertThat(webapp(500, "ENGINE-03005 Execution of 'UPDATE TaskEntity[4711]' failed. Entity was updated by "
            + "another transaction concurrently.")).isEqualTo("{\"type\":\"X\",\"message\":\"该任务刚被他人更改，请刷新后重试\"}");
        assertThat(webapp(400, "Cannot complete task 4711: task is suspended"))
            .isEqualTo("{\"type\":\"X\",\"message\":\"该流程已暂停，暂不能办理；请联系整改专班\"}");
        assertThat(webapp(500, "ENGINE-16004 Exception while closing command context: java.lang.NullPointerException"))
            .isEqualTo("{\"type\":\"X\",\"message\":\"系统暂时无法完成此操作，请稍后重试；仍不成功请联系系统管理员\"}");
    }

    @Test
    void anotherRefusalOrASuccessKeepsItsWords() throws Exception {
        assertThat(webapp(400, "请填写办理状态")).isEqualTo("{\"type\":\"X\",\"message\":\"请填写办理状态\"}");
        assertThat(webapp(200, "No matching task with id 4711"))
            .isEqualTo("{\"type\":\"X\",\"message\":\"No matching task with id 4711\"}");
    }
}
