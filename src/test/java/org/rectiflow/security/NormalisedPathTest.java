package org.rectiflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rectiflow.support.RawHttp;
import org.rectiflow.support.RawHttp.Answer;
import org.rectiflow.support.WebTest;

/**
 * The security filters judge the path Tomcat routes on, not the raw one: a path written in any other form
 * than its plain one (dot segments, encoded dots, path parameters, empty segments, encoded separators or
 * letters) is refused with 400 before any filter or servlet sees it, and none of them reaches
 * {@code /engine-rest}, {@code /api} or {@code /actuator} without a login. Every request line is sent byte for
 * byte on a socket, as an attacker would send it.
 */
class NormalisedPathTest extends WebTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "/actuator/health/../../engine-rest/user",
        "/actuator/health/%2e%2e/%2e%2e/engine-rest/user",
        "/actuator/health/%2E%2E/%2E%2E/engine-rest/user",
        "/actuator/health/.%2e/.%2e/engine-rest/user",
        "/actuator/health;x=1/../../engine-rest/user",
        "/actuator/health/..;/..;/engine-rest/user",
        "/actuator/health/%2e%2e;/%2e%2e;/engine-rest/user",
        "/actuator/health/..%2f..%2fengine-rest/user",
        "/actuator/health/..%5c..%5cengine-rest/user",
        "/actuator/health/..%3b/..%3b/engine-rest/user",
        "/actuator/health/../../engine-rest/engine/default/user",
        "//engine-rest/user",
        "/engine-rest//user",
        "/engine-rest/./user",
        "/engine-rest/%75ser",
        "/engine-rest;x=1/user",
        "/api/..;/engine-rest/user",
        "/actuator/health/../../api/rounds",
        "/actuator/health/%2e%2e/%2e%2e/api/rounds",
        "/actuator/health;/../../api/rounds",
        "/api//rounds",
        "/api/./rounds",
        "/api;x=1/rounds",
        "/api/%72ounds",
        "/actuator/health/../prometheus",
        "/actuator/health/..;/prometheus",
        "/actuator/health/%2e%2e/metrics",
        "/actuator/health/..%2fprometheus",
        "/actuator//prometheus",
        "/actuator/health/../../camunda/api/engine/engine/default/user",
    })
    void noVariantReachesItsTargetWithoutALogin(String path) throws Exception {
        Answer answer = RawHttp.get(port, path);

        assertThat(answer.status()).as(path + " -> " + answer).isIn(400, 401);
        assertThat(answer.body()).as(path).doesNotContain("NotFoundException", "\"id\"", "rectiflow_", "\"UP\"");
    }

    @Test
    void dotSegmentsAreRefusedNamingTheFix() throws Exception {
        Answer answer = RawHttp.get(port, "/actuator/health/../../engine-rest/user");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.body()).contains(
            "请求路径含有“.”或“..”路径段，请求被拒绝：请直接写出目标路径，不要用“..”跳转。");
    }

    @Test
    void encodedDotsAreRefusedNamingTheFix() throws Exception {
        Answer answer = RawHttp.get(port, "/actuator/health/%2e%2e/%2e%2e/engine-rest/user");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("请求路径含有编码的“.”“/”“\\\\”“;”或“%”（%2e、%2f、%5c、%3b、%25），"
            + "请求被拒绝：请使用不含这些编码的规范路径。");
    }

    @Test
    void pathParametersAreRefusedNamingTheFix() throws Exception {
        Answer answer = RawHttp.get(port, "/actuator/health;x=1/../../engine-rest/user");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("请求路径含有“;”路径参数，请求被拒绝：请去掉路径中的“;”及其后的参数。");
    }

    @Test
    void emptySegmentsAreRefusedNamingTheFix() throws Exception {
        Answer answer = RawHttp.get(port, "/engine-rest//user", RawHttp.basic("demo", "demo"));

        assertThat(answer.status()).as("refused with a login too").isEqualTo(400);
        assertThat(answer.body()).contains("请求路径含有空路径段“//”，请求被拒绝：请去掉多余的“/”。");
    }

    @Test
    void encodedLettersAreRefusedNamingTheFix() throws Exception {
        Answer answer = RawHttp.get(port, "/engine-rest/%75ser", RawHttp.basic("demo", "demo"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains(
            "请求路径把字母、数字或“-_~”写成了百分号编码（如 %61），请求被拒绝：请直接写出这些字符。");
    }

    @Test
    void thePathIsCheckedBeforeAnyOtherFilter() throws Exception {
        // the Admin setup guard would answer 403; the path check comes first
        Answer answer = RawHttp.send(port, "POST", "/camunda/api/admin/setup/default/../default/user/create",
            "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"Intruder#2026\"}}",
            "Content-Type: application/json");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("请求路径含有“.”或“..”路径段");
    }

    @Test
    void plainPathsStillWork() throws Exception {
        assertThat(RawHttp.get(port, "/actuator/health").status()).isEqualTo(200);
        assertThat(RawHttp.get(port, "/actuator/health/db").status()).isEqualTo(200);
        assertThat(RawHttp.get(port, "/engine-rest/user").status()).isEqualTo(401);
        assertThat(RawHttp.get(port, "/engine-rest/user", RawHttp.basic("demo", "demo")).status()).isEqualTo(200);
        assertThat(RawHttp.get(port, "/api/rounds", RawHttp.basic("officer1", "demo")).status()).isEqualTo(200);
        // the query string is not a path: encoded percent signs, dots and semicolons stay allowed there
        assertThat(RawHttp.get(port, "/engine-rest/task?nameLike=%25..%3B%25", RawHttp.basic("demo", "demo"))
            .status()).isEqualTo(200);
        // encoded non-ASCII characters are what a path needs for Chinese text
        Answer chinese = RawHttp.get(port, "/engine-rest/process-definition/key/%E6%95%B4%E6%94%B9",
            RawHttp.basic("demo", "demo"));
        assertThat(chinese.status()).as(chinese.toString()).isEqualTo(404);
        assertThat(chinese.body()).contains("整改");
    }
}
