package org.rectiflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;

import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rectiflow.RectiflowApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The prod profile refuses to start, before it touches any database, without the settings every site must
 * give, and says which. (Starting it with them is {@code ProductionProfileTest}, on PostgreSQL.)
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionSettingsTest {

    private static SpringApplicationBuilder prod(String... args) {
        return new SpringApplicationBuilder(RectiflowApplication.class).web(WebApplicationType.NONE)
            .properties("spring.profiles.active=prod");
    }

    @Test
    void withoutAnySettingTheMessageNamesEachMissingVariable(CapturedOutput output) {
        assertThatThrownBy(() -> prod().run())
            .isInstanceOf(ProductionSettings.MissingProductionSettingsException.class)
            .satisfies(e -> assertThat(((ProductionSettings.MissingProductionSettingsException) e).problems())
                .containsExactly(
                    "SPRING_DATASOURCE_URL is not set (jdbc:postgresql://host:5432/database)",
                    "SPRING_DATASOURCE_USERNAME is not set (spring.datasource.username)",
                    "SPRING_DATASOURCE_PASSWORD is not set (spring.datasource.password)",
                    "RECTIFLOW_ADMIN_USER is not set (rectiflow.admin.user)",
                    "RECTIFLOW_ADMIN_PASSWORD is not set (rectiflow.admin.password)"));
        assertThat(output).contains("The prod profile is missing settings:", "- RECTIFLOW_ADMIN_USER is not set",
            "Set them in the environment");
    }

    @Test
    void anH2DatabaseAWeakPasswordAndTheDemoAreRefused() {
        assertThatThrownBy(() -> prod().profiles("demo").run(
                "--spring.datasource.url=jdbc:h2:mem:x", "--spring.datasource.username=sa",
                "--spring.datasource.password=x", "--rectiflow.admin.user=admin", "--rectiflow.admin.password=admin"))
            .isInstanceOf(ProductionSettings.MissingProductionSettingsException.class)
            .satisfies(e -> assertThat(((ProductionSettings.MissingProductionSettingsException) e).problems())
                .containsExactly(
                    "the demo profile (demo users with the password \"demo\") cannot run with prod",
                    "SPRING_DATASOURCE_URL must be a PostgreSQL URL (jdbc:postgresql://…), not jdbc:h2:mem:x",
                    "RECTIFLOW_ADMIN_PASSWORD does not meet the password policy: "
                        + "密码至少需要12个字符；密码过于常见，容易被猜到，请换一个；密码不得包含用户名、姓名或电子邮箱"));
    }

    @Test
    void aSharedPasswordForTheUsersIsRefused() {
        assertThatThrownBy(() -> prod().run(
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:9/none", "--spring.datasource.username=x",
                "--spring.datasource.password=x", "--rectiflow.admin.user=admin",
                "--rectiflow.admin.password=Zhenggai#2026", "--rectiflow.organisation.demo-password=Shared-Secret-2026"))
            .isInstanceOf(ProductionSettings.MissingProductionSettingsException.class)
            .satisfies(e -> assertThat(((ProductionSettings.MissingProductionSettingsException) e).problems())
                .containsExactly("RECTIFLOW_ORGANISATION_DEMOPASSWORD is set: under prod every user's password is set "
                    + "in Admin, none is shared (rectiflow.organisation.demo-password)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Password1!", "Qwerty123!", "Welcome1!!"})
    void aShortCommonAdministratorPasswordStopsTheStartNamingBothRules(String password) {
        assertThat(problemsAtStartWithAdministratorPassword(password)).containsExactly(
            "RECTIFLOW_ADMIN_PASSWORD does not meet the password policy: 密码至少需要12个字符；密码过于常见，容易被猜到，请换一个");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Password123!", "Qwerty123456", "Welcome2024!"})
    void aLongButCommonAdministratorPasswordStopsTheStart(String password) {
        assertThat(problemsAtStartWithAdministratorPassword(password)).containsExactly(
            "RECTIFLOW_ADMIN_PASSWORD does not meet the password policy: 密码过于常见，容易被猜到，请换一个");
    }

    /** What stops a start in prod whose only fault is the administrator's password. */
    private List<String> problemsAtStartWithAdministratorPassword(String password) {
        Throwable refusal = catchThrowable(() -> prod().run(
            "--spring.datasource.url=jdbc:postgresql://127.0.0.1:9/none", "--spring.datasource.username=x",
            "--spring.datasource.password=x", "--rectiflow.admin.user=xcadmin", "--rectiflow.admin.password=" + password));
        assertThat(refusal).isInstanceOf(ProductionSettings.MissingProductionSettingsException.class);
        return ((ProductionSettings.MissingProductionSettingsException) refusal).problems();
    }

    @Test
    void aPasswordMeetingThePolicyPasses() {
        UserEntity admin = new UserEntity("xcadmin");
        admin.setFirstName("系统");
        admin.setLastName("管理员");
        assertThat(ProductionSettings.passwordPolicyViolations("Zhenggai#2026", admin)).isEmpty();
        assertThat(ProductionSettings.passwordPolicyViolations("Jiucuo-Zhenggai-88", admin)).isEmpty();
        assertThat(ProductionSettings.passwordPolicyViolations("Xcadmin#2026X", admin))
            .containsExactly("密码不得包含用户名、姓名或电子邮箱");
        assertThat(ProductionSettings.passwordPolicyViolations("系统管理员-Jiucuo-88", admin))
            .containsExactly("密码不得包含用户名、姓名或电子邮箱");
    }
}
