package org.rectiflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;

@SpringBootTest
@ActiveProfiles("test")
class OrganisationLoaderTest {

    private static final Resource ORGANISATION = new ClassPathResource("organisation/organisation.yml");
    private static final Resource DEMO_USERS = new ClassPathResource("organisation/demo-users.yml");

    @Autowired OrganisationLoader loader;
    @Autowired IdentityService identityService;
    @Autowired AuthorizationService authorizationService;
    @Autowired FilterService filterService;
    @Autowired JdbcClient jdbc;
    @Autowired OrganisationRepository repository;
    @Autowired AccessSetup accessSetup;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired ProcessEngine processEngine;

    @Test
    void loadsUnitsKeyGroupsRoleGroupsAndDemoUsersAtStart() {
        for (String keyGroup : new String[] {"conduct", "crimeFighting", "teamBuilding", "partyBuilding",
            "lawEnforcement", "financeProjects", "disciplineBuilding"}) {
            assertThat(identityService.createGroupQuery().groupId(keyGroup).groupType(RoleGroups.TYPE_KEY_GROUP).count())
                .as(keyGroup).isEqualTo(1);
        }
        assertThat(jdbc.sql("SELECT name FROM org_key_group ORDER BY sort_order").query(String.class).list())
            .containsExactly("作风转变", "打击成效", "队伍建设", "党建工作", "执法服务", "财务项目", "纪律建设");
        assertThat(identityService.createGroupQuery().groupType(RoleGroups.TYPE_UNIT).count()).isGreaterThanOrEqualTo(22);
        for (String role : new String[] {"office", "leadinggroup", "supervision", "discipline", "normalmanagement"}) {
            assertThat(identityService.createGroupQuery().groupId(role).count()).as(role).isEqualTo(1);
            assertThat(identityService.createUserQuery().memberOfGroup(role).count()).as(role).isPositive();
        }
        assertThat(identityService.createUserQuery().userId("simingLiaison").memberOfGroup("siming").count()).isEqualTo(1);
        assertThat(identityService.checkPassword("simingLiaison", "demo")).isTrue();
        assertThat(jdbc.sql("SELECT unit_role FROM org_user WHERE user_id = 'simingHead'").query(String.class).single())
            .isEqualTo("HEAD");
        // every unit has a liaison and a head
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM org_unit u WHERE NOT EXISTS (SELECT 1 FROM org_user l WHERE l.unit_code = u.code
                AND l.unit_role = 'LIAISON') OR NOT EXISTS (SELECT 1 FROM org_user h WHERE h.unit_code = u.code
                AND h.unit_role = 'HEAD')""").query(Long.class).single()).isZero();
    }

    @Test
    void aStartGrantsAgainWhatTheOrganisationGivesSoAGrantOfANewReleaseReachesAnExistingDatabase() {
        // as before the overseers could read groups (Cockpit's tasks dashboard names the groups)
        authorizationService.createAuthorizationQuery().groupIdIn("office")
            .resourceType(org.camunda.bpm.engine.authorization.Resources.GROUP).list()
            .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
        assertThat(authorizationService.isUserAuthorized("officer1", java.util.List.of("office"),
            org.camunda.bpm.engine.authorization.Permissions.READ, org.camunda.bpm.engine.authorization.Resources.GROUP,
            "siming")).isFalse();

        loader.run(null);

        assertThat(authorizationService.isUserAuthorized("officer1", java.util.List.of("office"),
            org.camunda.bpm.engine.authorization.Permissions.READ, org.camunda.bpm.engine.authorization.Resources.GROUP,
            "siming")).isTrue();
        assertThat(authorizationService.createAuthorizationQuery().groupIdIn("office")
            .resourceType(org.camunda.bpm.engine.authorization.Resources.GROUP).count())
            .as("granted once, not duplicated by a second start").isEqualTo(1);
        loader.run(null);
        assertThat(authorizationService.createAuthorizationQuery().groupIdIn("office")
            .resourceType(org.camunda.bpm.engine.authorization.Resources.GROUP).count()).isEqualTo(1);
    }

    @Test
    void theAdministratorsGroupIsNamedInChineseAndARenamedOneKeepsItsName() {
        // the starter created camunda-admin as "camunda BPM Administrators"; the start renamed it
        assertThat(identityService.createGroupQuery().groupId("camunda-admin").singleResult().getName())
            .isEqualTo("系统管理员");

        org.camunda.bpm.engine.identity.Group administrators =
            identityService.createGroupQuery().groupId("camunda-admin").singleResult();
        administrators.setName("camunda BPM Administrators");
        identityService.saveGroup(administrators);
        loader.run(null);
        assertThat(identityService.createGroupQuery().groupId("camunda-admin").singleResult().getName())
            .isEqualTo("系统管理员");

        administrators = identityService.createGroupQuery().groupId("camunda-admin").singleResult();
        administrators.setName("信息中心管理员");
        identityService.saveGroup(administrators);
        loader.run(null);
        assertThat(identityService.createGroupQuery().groupId("camunda-admin").singleResult().getName())
            .as("a name given in Admin stays").isEqualTo("信息中心管理员");
        administrators.setName("系统管理员");
        identityService.saveGroup(administrators);
    }

    @Test
    void theFileIsTheInitialImportOnlyAndNotReadOnceTheLedgerHasAnOrganisation() {
        Resource unreadable = yaml("changed-organisation.yml", "units: [ {id: broken");
        OrganisationLoader later = new OrganisationLoader(new OrganisationProperties(unreadable, null, null), repository,
            identityService, accessSetup, transactionManager, processEngine);
        long[] before = counts();

        later.run(null);

        assertThat(counts()).as("the ledger's organisation rules; the file is not read").containsExactly(before);
        assertThat(repository.roleGroups()).extracting(OrganisationRepository.RoleGroup::code)
            .contains(RoleGroups.OFFICE, RoleGroups.LEADING_GROUP);
    }

    @Test
    void loadingTwiceChangesNothing() {
        long[] before = counts();
        loader.load(ORGANISATION, DEMO_USERS);
        assertThat(counts()).containsExactly(before);
    }

    @Test
    void unknownLeadUnitIsRefusedNamingTheEntryAndNothingIsWritten() {
        Resource bad = yaml("bad-organisation.yml", """
            organisation: {name: 测试, shortName: 测试}
            roleGroups:
              - {id: office, name: 整改专班}
              - {id: leadinggroup, name: 领导小组}
              - {id: supervision, name: 监督组}
              - {id: discipline, name: 纪检}
              - {id: normalmanagement, name: 从严办}
            units:
              - {id: brandNewUnit, name: 新单位}
            keyGroups:
              - {id: newKeyGroup, name: 新组, leadUnit: noSuchUnit}
            """);
        assertThatThrownBy(() -> loader.load(bad, null))
            .isInstanceOf(OrganisationException.class)
            .hasMessageContaining("bad-organisation.yml")
            .hasMessageContaining("keyGroups[0].leadUnit: unknown unit 'noSuchUnit'");
        assertThat(identityService.createGroupQuery().groupId("brandNewUnit").count()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM org_unit WHERE code = 'brandNewUnit'").query(Long.class).single()).isZero();
    }

    @Test
    void theDemoUnitsHaveTheirKindAndParent() {
        OrganisationFile file = OrganisationLoader.read(ORGANISATION, OrganisationFile.class);
        assertThat(file.units()).as("the demo gives units a kind and some a parent")
            .anyMatch(u -> u.kind() != null).anyMatch(u -> u.parent() != null);
        for (OrganisationFile.Group unit : file.units()) {
            assertThat(repository.allUnits()).filteredOn(u -> u.code().equals(unit.id())).singleElement()
                .satisfies(u -> {
                    assertThat(u.kind()).as(unit.id()).isEqualTo(unit.kind());
                    assertThat(u.parentCode()).as(unit.id()).isEqualTo(unit.parent());
                });
        }
    }

    @Test
    void anUnknownParentALoopOrALongKindIsRefusedNamingTheEntry() {
        Resource bad = yaml("bad-parents.yml", """
            organisation: {name: 测试, shortName: 测试}
            roleGroups:
              - {id: office, name: 整改专班}
              - {id: leadinggroup, name: 领导小组}
              - {id: supervision, name: 监督组}
              - {id: discipline, name: 纪检}
              - {id: normalmanagement, name: 从严办}
            units:
              - {id: ringA, name: 甲, parent: ringB}
              - {id: ringB, name: 乙, parent: ringA}
              - {id: orphan, name: 丙, parent: noSuchUnit, kind: 一个超过二十个字的类别名称一个超过二十个字的类别}
            """);
        assertThatThrownBy(() -> loader.load(bad, null))
            .isInstanceOf(OrganisationException.class)
            .hasMessageContaining("units[0].parent: the parents of 'ringA' form a loop")
            .hasMessageContaining("units[1].parent: the parents of 'ringB' form a loop")
            .hasMessageContaining("units[2].parent: unknown unit 'noSuchUnit'")
            .hasMessageContaining("units[2].kind: at most 20 characters");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM org_unit WHERE code = 'ringA'").query(Long.class).single()).isZero();
    }

    @Test
    void unknownGroupOrUnitOfAUserIsRefusedAndNoUserIsCreated() {
        Resource users = yaml("bad-users.yml", """
            users:
              - {id: newLiaison, familyName: 李, givenName: 四, unit: siming, role: LIAISON}
              - {id: strayUser, familyName: 张, givenName: 三, groups: [noSuchGroup]}
              - {id: lostUser, familyName: 王, givenName: 五, unit: noSuchUnit, role: HEAD}
            """);
        assertThatThrownBy(() -> loader.load(ORGANISATION, users))
            .isInstanceOf(OrganisationException.class)
            .hasMessageContaining("users[1] (strayUser).groups[0]: unknown group 'noSuchGroup'")
            .hasMessageContaining("users[2] (lostUser).unit: unknown unit 'noSuchUnit'");
        assertThat(identityService.createUserQuery().userId("newLiaison").count()).isZero();
    }

    @Test
    void anIdOutsideCamundasWhitelistIsRefused() {
        Resource users = yaml("bad-ids.yml", """
            users:
              - {id: zhang-san, familyName: 张, givenName: 三, groups: [office]}
            """);
        assertThatThrownBy(() -> loader.load(ORGANISATION, users))
            .hasMessageContaining("users[0] (zhang-san).id: 'zhang-san' may only hold letters and digits");
    }

    private long[] counts() {
        return new long[] {
            identityService.createGroupQuery().count(),
            identityService.createUserQuery().count(),
            jdbc.sql("SELECT COUNT(*) FROM org_membership").query(Long.class).single(),
            jdbc.sql("SELECT COUNT(*) FROM ACT_ID_MEMBERSHIP").query(Long.class).single(),
            authorizationService.createAuthorizationQuery().count(),
            filterService.createFilterQuery().count(),
            jdbc.sql("SELECT COUNT(*) FROM org_unit").query(Long.class).single(),
        };
    }

    private static Resource yaml(String name, String text) {
        return new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8), name) {
            @Override
            public String getDescription() {
                return name;
            }
        };
    }
}
