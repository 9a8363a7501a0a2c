package org.rectiflow.identity;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The initial import of the organisation: at a start whose ledger has no organisation yet (no role group), loads
 * the organisation file into the ledger's organisation tables and into Camunda's groups, memberships and
 * authorizations. Afterwards the organisation is the ledger's, changed through {@code /api/organisation}
 * ({@link OrganisationService}), and the file is not read again. An installation upgraded from a version that
 * loaded the file at every start has its units and key groups in the ledger but no role group: its next start
 * imports the file once more (the same upsert as before, nothing lost), and from then on the ledger rules.
 * The users file (demo profile only) is loaded at every start against the ledger's organisation; the engine's
 * users that the ledger does not know yet (created before the ledger followed them) are added to it.
 * Idempotent: a second run with the same files changes nothing. The whole file is validated before
 * anything is written, and the writes share one transaction.
 */
@Component
@Order(10)
public class OrganisationLoader implements ApplicationRunner {

    /** The name the Spring Boot starter gives {@code camunda-admin} (CreateAdminUserConfiguration). */
    static final String STARTER_ADMINISTRATORS_NAME = "camunda BPM Administrators";
    static final String ADMINISTRATORS_NAME = "系统管理员";

    private static final Logger LOG = LoggerFactory.getLogger(OrganisationLoader.class);
    /** Camunda's default resource id whitelist. */
    private static final Pattern ID = Pattern.compile("[a-zA-Z0-9]+");
    private static final List<String> REQUIRED_ROLE_GROUPS = List.of(RoleGroups.OFFICE, RoleGroups.LEADING_GROUP,
        RoleGroups.SUPERVISION, RoleGroups.DISCIPLINE, RoleGroups.NORMAL_MANAGEMENT);
    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .build();

    private final OrganisationProperties properties;
    private final OrganisationRepository repository;
    private final IdentityService identityService;
    private final AccessSetup accessSetup;
    private final TransactionTemplate transaction;
    private final ProcessEngine processEngine;

    public OrganisationLoader(OrganisationProperties properties, OrganisationRepository repository,
                              IdentityService identityService, AccessSetup accessSetup,
                              PlatformTransactionManager transactionManager, ProcessEngine processEngine) {
        this.properties = properties;
        this.repository = repository;
        this.identityService = identityService;
        this.accessSetup = accessSetup;
        this.transaction = new TransactionTemplate(transactionManager);
        this.processEngine = processEngine;
    }

    @Override
    public void run(ApplicationArguments args) {
        Resource users = properties.usersFile();
        Resource usersFile = users != null && users.exists() ? users : null;
        if (repository.roleGroups().isEmpty()) {
            LOG.info("The ledger has no organisation yet: importing {}", describe(properties.file()));
            load(properties.file(), usersFile);
        } else {
            OrganisationFile ledger = fromLedger();
            Set<String> groupIds = validate(ledger, "the ledger's organisation");
            UsersFile usersIn = usersFile == null ? new UsersFile(List.of()) : read(usersFile, UsersFile.class);
            validate(usersIn, ledger, groupIds, describe(usersFile));
            transaction.executeWithoutResult(status -> {
                for (UsersFile.User user : usersIn.users()) {
                    saveUser(user);
                }
                followEngineUsers();
                // the grants follow the ledger's organisation: applied again (idempotent, nothing duplicated) so
                // that what a new release grants (e.g. the overseers' GROUP READ) reaches an existing database
                List<String> workers = new ArrayList<>();
                repository.units().forEach(u -> workers.add(u.code()));
                repository.keyGroups().forEach(k -> workers.add(k.code()));
                accessSetup.grant(repository.roleGroups(), workers);
            });
        }
        nameAdministrators();
    }

    /**
     * The administrators' group as the webapps show it (Admin's groups, the welcome page's profile): the Spring Boot
     * starter creates {@code camunda-admin} named "camunda BPM Administrators"; it is named 系统管理员 instead. Only
     * the starter's own name is replaced: a name an administrator gave the group in Admin stays.
     */
    private void nameAdministrators() {
        Group administrators = identityService.createGroupQuery().groupId(RoleGroups.ADMIN).singleResult();
        if (administrators != null && STARTER_ADMINISTRATORS_NAME.equals(administrators.getName())) {
            administrators.setName(ADMINISTRATORS_NAME);
            identityService.saveGroup(administrators);
        }
    }

    /** The ledger's organisation in the shape of the file, to check a users file against it. */
    private OrganisationFile fromLedger() {
        return new OrganisationFile(null,
            repository.roleGroups().stream()
                .map(g -> new OrganisationFile.RoleGroup(g.code(), g.name(), g.oversees())).toList(),
            repository.allUnits().stream().map(u -> new OrganisationFile.Group(u.code(), u.name(), u.kind(), u.parentCode())).toList(),
            repository.keyGroups().stream()
                .map(k -> new OrganisationFile.KeyGroup(k.code(), k.name(), k.leadUnitCode())).toList());
    }

    /** Adds the engine's users the ledger does not know yet (those created before it followed them). */
    private void followEngineUsers() {
        Set<String> known = new HashSet<>();
        repository.people().forEach(p -> known.add(p.userId()));
        for (User user : identityService.createUserQuery().list()) {
            if (!known.contains(user.getId()) && repository.person(user.getId()).isEmpty()) {
                repository.followUser(user.getId(), LedgerUsersPlugin.displayName(user), user.getEmail());
            }
        }
    }

    /** Validates both files, then writes everything in one transaction. */
    public void load(Resource organisationResource, Resource usersResource) {
        OrganisationFile organisation = read(organisationResource, OrganisationFile.class);
        Set<String> groupIds = validate(organisation, describe(organisationResource));
        UsersFile users = usersResource == null ? new UsersFile(List.of()) : read(usersResource, UsersFile.class);
        validate(users, organisation, groupIds, describe(usersResource));
        transaction.executeWithoutResult(status -> write(organisation, users));
    }

    private void write(OrganisationFile organisation, UsersFile users) {

        int order = 0;
        for (OrganisationFile.RoleGroup group : organisation.roleGroups()) {
            repository.saveRoleGroup(group.id(), group.name(), group.overseesAllUnits(), order++);
            saveGroup(group.id(), group.name(), RoleGroups.TYPE_ROLE);
        }
        order = 0;
        for (OrganisationFile.Group unit : organisation.units()) {
            repository.saveUnit(unit.id(), unit.name(), unit.kind(), order++);
            saveGroup(unit.id(), unit.name(), RoleGroups.TYPE_UNIT);
        }
        // parents once every unit exists (a parent may be listed after its child)
        for (OrganisationFile.Group unit : organisation.units()) {
            repository.setParent(unit.id(), unit.parent());
        }
        order = 0;
        for (OrganisationFile.KeyGroup keyGroup : organisation.keyGroups()) {
            repository.saveKeyGroup(keyGroup.id(), keyGroup.name(), keyGroup.leadUnit(), order++);
            saveGroup(keyGroup.id(), keyGroup.name() + "重点整改组", RoleGroups.TYPE_KEY_GROUP);
        }
        for (UsersFile.User user : users.users()) {
            saveUser(user);
        }
        followEngineUsers();
        accessSetup.grant(organisation);
        LOG.info("Organisation loaded: {} units, {} key groups, {} role groups, {} users",
            organisation.units().size(), organisation.keyGroups().size(), organisation.roleGroups().size(),
            users.users().size());
    }

    /** Reads (does not validate) an organisation or users file. */
    static <T> T read(Resource resource, Class<T> type) {
        try (InputStream in = resource.getInputStream()) {
            return YAML.readValue(in, type);
        } catch (IOException e) {
            throw new OrganisationException(describe(resource), List.of(e.getMessage().lines().findFirst().orElse("")));
        }
    }

    private static String describe(Resource resource) {
        return resource == null ? "(none)" : resource.getDescription();
    }

    private Set<String> validate(OrganisationFile file, String name) {
        List<String> errors = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> units = new HashSet<>();
        checkGroups("roleGroups", file.roleGroups(), ids, errors);
        checkGroups("units", file.units(), ids, errors);
        file.units().forEach(u -> units.add(u.id()));
        checkShapes(file.units(), units, errors);
        for (String required : REQUIRED_ROLE_GROUPS) {
            if (file.roleGroups().stream().noneMatch(g -> required.equals(g.id()))) {
                errors.add("roleGroups: the group '" + required + "' is required by the diagrams and missing");
            }
        }
        for (int i = 0; i < file.keyGroups().size(); i++) {
            OrganisationFile.KeyGroup group = file.keyGroups().get(i);
            String at = "keyGroups[" + i + "]";
            checkId(at, group.id(), ids, errors);
            if (blank(group.name())) {
                errors.add(at + ".name: must not be empty");
            }
            if (!units.contains(group.leadUnit())) {
                errors.add(at + ".leadUnit: unknown unit '" + group.leadUnit() + "'");
            }
        }
        if (!errors.isEmpty()) {
            throw new OrganisationException(name, errors);
        }
        ids.add(RoleGroups.ADMIN);
        return ids;
    }

    private void validate(UsersFile file, OrganisationFile organisation, Set<String> groupIds, String name) {
        List<String> errors = new ArrayList<>();
        Set<String> units = new HashSet<>();
        organisation.units().forEach(u -> units.add(u.id()));
        Set<String> userIds = new HashSet<>();
        for (int i = 0; i < file.users().size(); i++) {
            UsersFile.User user = file.users().get(i);
            String at = "users[" + i + "]" + (user.id() == null ? "" : " (" + user.id() + ")");
            checkId(at, user.id(), userIds, errors);
            if (blank(user.familyName()) && blank(user.givenName())) {
                errors.add(at + ".familyName: a user needs a name");
            }
            if (user.unit() != null && !units.contains(user.unit())) {
                errors.add(at + ".unit: unknown unit '" + user.unit() + "'");
            }
            if (user.unit() != null && user.role() == null) {
                errors.add(at + ".role: a unit member needs a role (LIAISON or HEAD)");
            }
            if (user.unit() == null && user.role() != null) {
                errors.add(at + ".unit: a " + user.role() + " needs a unit");
            }
            for (int g = 0; g < user.groups().size(); g++) {
                if (!groupIds.contains(user.groups().get(g))) {
                    errors.add(at + ".groups[" + g + "]: unknown group '" + user.groups().get(g) + "'");
                }
            }
        }
        checkPassword(file, errors);
        if (!errors.isEmpty()) {
            throw new OrganisationException(name, errors);
        }
    }

    /**
     * The password new users get ({@code rectiflow.organisation.demo-password}) must meet the password policy
     * when the engine enforces one: once for the setting, then for each user whose id or name it contains.
     */
    private void checkPassword(UsersFile file, List<String> errors) {
        String password = properties.demoPassword();
        if (password == null || password.isBlank() || file.users().isEmpty()
            || !processEngine.getProcessEngineConfiguration().isEnablePasswordPolicy()) {
            return;
        }
        PasswordRules rules = new PasswordRules();
        List<String> general = rules.violations(password, null);
        if (!general.isEmpty()) {
            errors.add("rectiflow.organisation.demo-password: " + String.join("；", general));
            return;
        }
        for (int i = 0; i < file.users().size(); i++) {
            UsersFile.User entry = file.users().get(i);
            UserEntity user = new UserEntity(entry.id());
            user.setFirstName(entry.familyName());
            user.setLastName(entry.givenName());
            user.setEmail(entry.email());
            List<String> broken = rules.violations(password, user);
            if (!broken.isEmpty()) {
                errors.add("users[" + i + "] (" + entry.id() + "): rectiflow.organisation.demo-password: "
                    + String.join("；", broken));
            }
        }
    }

    /** A unit's kind fits its column; its parent is another unit of the file, and no chain of parents loops. */
    private static void checkShapes(List<OrganisationFile.Group> list, Set<String> units, List<String> errors) {
        Map<String, String> parents = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            OrganisationFile.Group unit = list.get(i);
            String at = "units[" + i + "]";
            if (unit.kind() != null && unit.kind().length() > OrganisationService.MAX_KIND) {
                errors.add(at + ".kind: at most " + OrganisationService.MAX_KIND + " characters");
            }
            if (unit.parent() != null) {
                if (!units.contains(unit.parent()) || unit.parent().equals(unit.id())) {
                    errors.add(at + ".parent: unknown unit '" + unit.parent() + "'");
                } else {
                    parents.put(unit.id(), unit.parent());
                }
            }
        }
        for (int i = 0; i < list.size(); i++) {
            if (OrganisationService.loops(list.get(i).id(), parents)) {
                errors.add("units[" + i + "].parent: the parents of '" + list.get(i).id() + "' form a loop");
            }
        }
    }

    private static void checkGroups(String list, List<? extends OrganisationFile.Entry> groups, Set<String> ids,
                                    List<String> errors) {
        for (int i = 0; i < groups.size(); i++) {
            String at = list + "[" + i + "]";
            checkId(at, groups.get(i).id(), ids, errors);
            if (blank(groups.get(i).name())) {
                errors.add(at + ".name: must not be empty");
            }
        }
    }

    private static void checkId(String at, String id, Set<String> seen, List<String> errors) {
        if (blank(id)) {
            errors.add(at + ".id: must not be empty");
        } else if (!ID.matcher(id).matches()) {
            errors.add(at + ".id: '" + id + "' may only hold letters and digits");
        } else if (!seen.add(id)) {
            errors.add(at + ".id: '" + id + "' is used twice");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private void saveGroup(String id, String name, String type) {
        Group group = identityService.createGroupQuery().groupId(id).singleResult();
        if (group == null) {
            group = identityService.newGroup(id);
        } else if (name.equals(group.getName()) && type.equals(group.getType())) {
            return;
        }
        group.setName(name);
        group.setType(type);
        identityService.saveGroup(group);
    }

    private void saveUser(UsersFile.User entry) {
        User user = identityService.createUserQuery().userId(entry.id()).singleResult();
        boolean created = user == null;
        if (created) {
            user = identityService.newUser(entry.id());
            String password = properties.demoPassword();
            user.setPassword(password == null || password.isBlank() ? UUID.randomUUID().toString() : password);
        }
        if (created || !same(entry.familyName(), user.getFirstName()) || !same(entry.givenName(), user.getLastName())
            || !same(entry.email(), user.getEmail())) {
            // the engine's first name holds the family name (姓), its last name the given name (名): PersonNames
            user.setFirstName(entry.familyName());
            user.setLastName(entry.givenName());
            user.setEmail(entry.email());
            identityService.saveUser(user);
        }
        repository.saveUser(entry);
        Set<String> groups = new LinkedHashSet<>(entry.groups());
        if (entry.unit() != null) {
            groups.add(entry.unit());
        }
        for (String groupId : groups) {
            if (identityService.createUserQuery().userId(entry.id()).memberOfGroup(groupId).count() == 0) {
                identityService.createMembership(entry.id(), groupId);
            }
            repository.saveMembership(entry.id(), groupId);
        }
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }
}
