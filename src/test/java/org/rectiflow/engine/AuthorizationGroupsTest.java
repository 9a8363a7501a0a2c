package org.rectiflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.rectiflow.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A user's authorizations are checked with the user's groups as they are: no command reads the whole authorization
 * table first to narrow them ({@link AuthorizationGroups}).
 */
class AuthorizationGroupsTest extends WebTest {

    // the executions H2 recorded of the engine's statements whose text holds the pattern (not of these counts)
    private static final String EXECUTIONS = "SELECT COALESCE(SUM(EXECUTION_COUNT), 0) "
        + "FROM INFORMATION_SCHEMA.QUERY_STATISTICS WHERE UPPER(SQL_STATEMENT) LIKE ? "
        + "AND SQL_STATEMENT NOT LIKE '%QUERY_STATISTICS%'";
    private static final String WHOLE_TABLE_READ = "%SELECT DISTINCT(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A%";
    private static final String TASK_QUERIES = "%FROM ACT_RU_TASK RES%";

    @Autowired ProcessEngineConfigurationImpl configuration;
    @Autowired JdbcClient jdbc;

    @Test
    void aGroupWithoutAnyAuthorizationStaysInTheUsersGroups() {
        List<String> groups = configuration.getCommandExecutorTxRequired().execute(context ->
            context.getAuthorizationManager().filterAuthenticatedGroupIds(List.of("siming", "noAuthorizationGroup")));

        assertThat(groups).containsExactly("siming", "noAuthorizationGroup");
    }

    @Test
    void aUnitsTaskListOverRestDoesNotReadTheWholeAuthorizationTable() throws Exception {
        jdbc.sql("SET QUERY_STATISTICS TRUE").update();
        try {
            long wholeTableBefore = count(WHOLE_TABLE_READ);
            long taskQueriesBefore = count(TASK_QUERIES);

            HttpResponse<String> list = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/engine-rest/task?candidateGroup=siming&maxResults=50"))
                .header("Authorization", basicAuth("simingLiaison", "demo")).header("Accept", "application/json")
                .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

            assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
            assertThat(count(TASK_QUERIES)).as("the task list's own query ran and was counted")
                .isGreaterThan(taskQueriesBefore);
            assertThat(count(WHOLE_TABLE_READ)).isEqualTo(wholeTableBefore);
        } finally {
            jdbc.sql("SET QUERY_STATISTICS FALSE").update();
        }
    }

    private long count(String pattern) {
        return jdbc.sql(EXECUTIONS).param(pattern).query(Long.class).single();
    }
}
