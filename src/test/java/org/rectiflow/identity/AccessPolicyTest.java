package org.rectiflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The access policy's answers, from the shipped organisation file (plain JUnit: no Spring, no engine). */
class AccessPolicyTest {

    private final AccessPolicy policy = new AccessPolicy(
        new OrganisationProperties(new ClassPathResource("organisation/organisation.yml"), null, null));

    @Test
    void theOverseersAreTheOrganisationsOverseeingRoleGroupsAndTheAdministrators() {
        assertThat(policy.overseers()).containsExactlyInAnyOrder(RoleGroups.OFFICE, RoleGroups.LEADING_GROUP,
            RoleGroups.SUPERVISION, RoleGroups.DISCIPLINE, RoleGroups.NORMAL_MANAGEMENT, RoleGroups.ADMIN);
        assertThat(policy.oversees(List.of(RoleGroups.PROCESS_OWNER))).as("the process owner says oversees: false")
            .isFalse();
        assertThat(policy.oversees(List.of(RoleGroups.MONITORING))).isFalse();
    }

    @Test
    void aRoleGroupOverseesUnlessTheFileSaysOtherwise() {
        OrganisationFile organisation = new OrganisationFile(null, List.of(
            new OrganisationFile.RoleGroup("office", "整改专班", null),
            new OrganisationFile.RoleGroup("audit", "审计组", true),
            new OrganisationFile.RoleGroup("processowner", "流程管理员", false)), List.of(), List.of());
        assertThat(AccessPolicy.overseersOf(organisation))
            .containsExactlyInAnyOrder("office", "audit", RoleGroups.ADMIN);
        policy.use(organisation);
        assertThat(policy.oversees(List.of("audit"))).as("the loaded organisation replaces the configured file")
            .isTrue();
    }

    @Test
    void anOverseerSeesAllUnitsAndAUnitsUserItsOwn() {
        Scope office = policy.scopeOf(List.of(RoleGroups.OFFICE));
        assertThat(office.isAllUnits()).isTrue();
        assertThat(office.includes("haicang")).isTrue();

        Scope liaison = policy.scopeOf(List.of("siming"));
        assertThat(liaison.isAllUnits()).isFalse();
        assertThat(liaison.includes("siming")).isTrue();
        assertThat(liaison.includes("haicang")).isFalse();

        Scope leadUnit = policy.scopeOf(List.of("inspectorate", "conduct"));
        assertThat(leadUnit.includes("inspectorate")).isTrue();
        assertThat(leadUnit.includes("siming")).as("a key group's measures of other units: not in its scope").isFalse();

        Scope owner = policy.scopeOf(List.of(RoleGroups.PROCESS_OWNER));
        assertThat(owner.isAllUnits()).isFalse();
        assertThat(owner.includes("siming")).isFalse();
    }

    @Test
    void onlyTheOfficeAndTheAdministratorsRegisterRounds() {
        assertThat(policy.mayRegisterRounds(List.of(RoleGroups.OFFICE))).isTrue();
        assertThat(policy.mayRegisterRounds(List.of(RoleGroups.ADMIN))).isTrue();
        assertThat(policy.mayRegisterRounds(List.of(RoleGroups.LEADING_GROUP))).isFalse();
        assertThat(policy.mayRegisterRounds(List.of("siming"))).isFalse();
        assertThat(policy.mayRegisterRounds(List.of())).isFalse();
    }

    @Test
    void aMeasureIsReadByItsUnitItsKeyGroupsLeadUnitAndTheOverseers() {
        assertThat(policy.measureReaders("siming", "inspectorate")).containsExactly("siming", "inspectorate");
        assertThat(policy.measureReaders("inspectorate", "inspectorate")).containsExactly("inspectorate");
        assertThat(policy.mayReadMeasure(List.of("inspectorate"), "siming", "inspectorate")).isTrue();
        assertThat(policy.mayReadMeasure(List.of("haicang"), "siming", "inspectorate")).isFalse();
        assertThat(policy.mayReadMeasure(List.of(RoleGroups.SUPERVISION), "siming", "inspectorate")).isTrue();
    }

    @Test
    void theMetricsAreTheAdministratorsAndTheMonitoringGroups() {
        assertThat(policy.mayReadMetrics(List.of(RoleGroups.ADMIN))).isTrue();
        assertThat(policy.mayReadMetrics(List.of(RoleGroups.MONITORING))).isTrue();
        assertThat(policy.mayReadMetrics(List.of(RoleGroups.OFFICE))).isFalse();
    }
}
