package org.rectiflow.identity;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes the organisation at runtime ({@code PUT /api/organisation}): the ledger's role groups, units, key groups
 * and people, and with them, in the same transaction, the Camunda groups, memberships and authorizations
 * ({@link AccessSetup}). The whole change is checked first; any error refuses all of it, each error keyed by its
 * path in the change and said in Chinese, as the round import says its own. Past measures keep their unit's code:
 * a renamed unit prints its new name, a retired one (no open measure left) stays in the ledger, and a merged one
 * hands its open measures, its lead and its people to the unit it merged into ({@link #merge}, through
 * {@link UnitWork}). A unit's kind is free text; its parent must exist and make no loop.
 */
@Service
public class OrganisationService {

    private static final Logger LOG = LoggerFactory.getLogger(OrganisationService.class);
    /** Camunda's default resource id whitelist. */
    private static final Pattern CODE = Pattern.compile("[a-zA-Z0-9]+");
    private static final int MAX_CODE = 64;
    private static final int MAX_NAME = 100;
    /** The longest kind (类别) of a unit. */
    static final int MAX_KIND = 20;

    private final OrganisationRepository repository;
    private final IdentityService identityService;
    private final AccessSetup accessSetup;
    private final ObjectProvider<UnitWork> unitWork;

    public OrganisationService(OrganisationRepository repository, IdentityService identityService,
                               AccessSetup accessSetup, ObjectProvider<UnitWork> unitWork) {
        this.repository = repository;
        this.identityService = identityService;
        this.accessSetup = accessSetup;
        this.unitWork = unitWork;
    }

    /** The whole organisation as the ledger holds it. */
    @Transactional(readOnly = true)
    public Organisation current() {
        // a person's groups as PUT takes them: role and key groups (not the unit, nor camunda-admin)
        Set<String> joinable = new HashSet<>();
        repository.roleGroups().forEach(g -> joinable.add(g.code()));
        repository.keyGroups().forEach(k -> joinable.add(k.code()));
        List<Organisation.Person> people = repository.people().stream()
            .map(p -> new Organisation.Person(p.userId(), p.displayName(), p.title(), p.unitCode(), p.role(),
                repository.membershipsOf(p.userId()).stream().filter(joinable::contains).toList()))
            .toList();
        return new Organisation(
            repository.roleGroups().stream()
                .map(g -> new Organisation.RoleGroup(g.code(), g.name(), g.oversees())).toList(),
            repository.allUnits().stream().map(u -> new Organisation.Unit(u.code(), u.name(), u.kind(), u.parentCode(),
                u.retired(), u.mergedIntoCode())).toList(),
            repository.keyGroups().stream()
                .map(k -> new Organisation.KeyGroup(k.code(), k.name(), k.leadUnitCode())).toList(),
            people);
    }

    /**
     * Whether a code names a group already: a unit of the ledger (retired too), a key group, a role group, or any
     * Camunda group (one created in Admin, {@code camunda-admin}). A new unit or group may not take it.
     */
    @Transactional(readOnly = true)
    public boolean isGroup(String code) {
        return new Known().kinds().containsKey(code) || camundaGroupExists(code);
    }

    private boolean camundaGroupExists(String code) {
        return asEngine(() -> identityService.createGroupQuery().groupId(code).count()) > 0;
    }

    /**
     * Applies a change: creates or changes each entry listed, all or nothing.
     *
     * @throws OrganisationChangeException with every error, nothing changed
     */
    @Transactional
    public void apply(Organisation change) {
        Known known = new Known();
        Map<String, String> merges = new LinkedHashMap<>();
        List<String> errors = check(change, known, merges);
        if (!errors.isEmpty()) {
            throw new OrganisationChangeException(errors);
        }
        asEngine(() -> {
            write(change, known, merges);
            return null;
        });
        LOG.info("Organisation changed: {} role groups, {} units, {} key groups, {} people",
            change.roleGroups().size(), change.units().size(), change.keyGroups().size(), change.people().size());
    }

    /** What the ledger holds before the change. */
    private final class Known {
        final Map<String, OrganisationRepository.RoleGroup> roleGroups = new HashMap<>();
        final Map<String, OrganisationRepository.UnitEntry> units = new HashMap<>();
        final Map<String, OrganisationRepository.KeyGroup> keyGroups = new HashMap<>();
        final Map<String, OrganisationRepository.Member> people = new HashMap<>();

        Known() {
            repository.people().forEach(p -> people.put(p.userId(), p));
            repository.roleGroups().forEach(g -> roleGroups.put(g.code(), g));
            repository.allUnits().forEach(u -> units.put(u.code(), u));
            repository.keyGroups().forEach(k -> keyGroups.put(k.code(), k));
        }

        /** The kind of group each code names in the ledger: a code names one group only. */
        Map<String, String> kinds() {
            Map<String, String> kinds = new HashMap<>();
            roleGroups.keySet().forEach(c -> kinds.put(c, "角色组"));
            units.keySet().forEach(c -> kinds.put(c, "单位"));
            keyGroups.keySet().forEach(c -> kinds.put(c, "重点整改组"));
            kinds.put(RoleGroups.ADMIN, "系统管理员组");
            return kinds;
        }
    }

    /** Checks the whole change; fills {@code merges} (unit to the unit it merges into) when it is good. */
    private List<String> check(Organisation change, Known known, Map<String, String> merges) {
        List<String> errors = new ArrayList<>();
        // the kind each code has after the change: a code names one group only
        Map<String, String> kinds = known.kinds();

        Set<String> seen = new HashSet<>();
        for (int i = 0; i < change.roleGroups().size(); i++) {
            Organisation.RoleGroup g = change.roleGroups().get(i);
            String at = "roleGroups[" + i + "]";
            if (checkCode(at, g.code(), "角色组", kinds, seen, errors)) {
                checkName(at, g.name(), !known.roleGroups.containsKey(g.code()), errors);
            }
        }
        // units active after the change
        Set<String> active = new HashSet<>();
        known.units.values().stream().filter(u -> !u.retired()).forEach(u -> active.add(u.code()));
        Set<String> existing = new HashSet<>(known.units.keySet());
        Map<String, Integer> retiring = new HashMap<>();
        Map<String, Integer> merging = new LinkedHashMap<>();
        for (int i = 0; i < change.units().size(); i++) {
            Organisation.Unit u = change.units().get(i);
            String at = "units[" + i + "]";
            if (checkCode(at, u.code(), "单位", kinds, seen, errors)) {
                OrganisationRepository.UnitEntry before = known.units.get(u.code());
                if (before == null && camundaGroupExists(u.code())) {
                    // a group created in Admin, not the ledger's: a new unit would take over its members and grants
                    errors.add(at + ".code: 编号「" + u.code() + "」已是管理（Admin）中一个用户组的编号，请另取编号");
                }
                checkName(at, u.name(), before == null, errors);
                existing.add(u.code());
                if (u.kind() != null && u.kind().strip().length() > MAX_KIND) {
                    errors.add(at + ".kind: 类别不得超过" + MAX_KIND + "个字");
                }
                if (merges(u, before)) {
                    if (before == null) {
                        errors.add(at + ".mergedInto: 新单位不能并入其他单位");
                    } else if (before.retired()) {
                        errors.add(at + ".mergedInto: 单位「" + before.name() + "」已撤销，不能再并入其他单位");
                    } else if (Boolean.FALSE.equals(u.retired())) {
                        errors.add(at + ".retired: 并入其他单位的单位随之撤销，请删去 retired: false");
                    } else {
                        active.remove(u.code());
                        merging.put(u.code(), i);
                    }
                } else if (Boolean.TRUE.equals(u.retired())) {
                    active.remove(u.code());
                    retiring.put(u.code(), i);
                } else if (Boolean.FALSE.equals(u.retired()) || before == null) {
                    active.add(u.code());
                }
            }
        }
        Map<String, String> mergedInto = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> m : merging.entrySet()) {
            String into = change.units().get(m.getValue()).mergedInto();
            String at = "units[" + m.getValue() + "].mergedInto";
            if (into.equals(m.getKey())) {
                errors.add(at + ": 单位不能并入自身");
            } else if (!active.contains(into)) {
                errors.add(at + ": 未知、已撤销或正在并入其他单位的单位「" + shorten(into) + "」");
            } else {
                mergedInto.put(m.getKey(), into);
            }
        }
        checkParents(change, known, active, existing, mergedInto, errors);
        merges.putAll(mergedInto);
        Map<String, String> leadUnits = new HashMap<>();
        known.keyGroups.values().forEach(k -> leadUnits.put(k.code(), k.leadUnitCode()));
        for (int i = 0; i < change.keyGroups().size(); i++) {
            Organisation.KeyGroup k = change.keyGroups().get(i);
            String at = "keyGroups[" + i + "]";
            if (checkCode(at, k.code(), "重点整改组", kinds, seen, errors)) {
                checkName(at, k.name(), !known.keyGroups.containsKey(k.code()), errors);
                if (k.leadUnit() == null && !known.keyGroups.containsKey(k.code())) {
                    errors.add(at + ".leadUnit: 请填写牵头单位");
                } else if (k.leadUnit() != null && !active.contains(k.leadUnit())) {
                    errors.add(at + ".leadUnit: 未知或已撤销的单位「" + shorten(k.leadUnit()) + "」");
                } else if (k.leadUnit() != null) {
                    leadUnits.put(k.code(), k.leadUnit());
                }
            }
        }
        for (Map.Entry<String, Integer> r : retiring.entrySet()) {
            String at = "units[" + r.getValue() + "].retired";
            String name = known.units.containsKey(r.getKey()) ? known.units.get(r.getKey()).name() : r.getKey();
            UnitWork work = unitWork.getIfAvailable();
            int open = known.units.containsKey(r.getKey()) && work != null ? work.openMeasures(r.getKey()) : 0;
            if (open > 0) {
                errors.add(at + ": 单位「" + name + "」尚有" + open + "项未办结的整改措施，请先转办（POST /api/measures/{编号}/transfer）");
            }
            leadUnits.forEach((keyGroup, lead) -> {
                if (lead.equals(r.getKey())) {
                    errors.add(at + ": 单位「" + name + "」是重点整改组「" + keyGroup + "」的牵头单位，请先更换牵头单位");
                }
            });
        }
        Set<String> groupsToJoin = new HashSet<>(known.roleGroups.keySet());
        groupsToJoin.addAll(known.keyGroups.keySet());
        change.roleGroups().forEach(g -> groupsToJoin.add(g.code()));
        change.keyGroups().forEach(k -> groupsToJoin.add(k.code()));
        Set<String> people = new HashSet<>();
        for (int i = 0; i < change.people().size(); i++) {
            Organisation.Person p = change.people().get(i);
            String at = "people[" + i + "]";
            if (blank(p.userId())) {
                errors.add(at + ".userId: 请填写用户名");
                continue;
            }
            if (!people.add(p.userId())) {
                errors.add(at + ".userId: 用户「" + shorten(p.userId()) + "」重复出现");
            } else if (asEngine(() -> identityService.createUserQuery().userId(p.userId()).count()) == 0) {
                errors.add(at + ".userId: 用户「" + shorten(p.userId()) + "」不存在，请先在管理（Admin）中创建并设置密码");
            }
            OrganisationRepository.Member now = known.people.get(p.userId());
            boolean keepsUnit = now != null && p.unit() != null && p.unit().equals(now.unitCode())
                && known.units.containsKey(p.unit()) && !merging.containsKey(p.unit());
            if (p.unit() != null && !active.contains(p.unit()) && !keepsUnit) {
                errors.add(at + ".unit: 未知或已撤销的单位「" + shorten(p.unit()) + "」");
            }
            if (p.unit() == null && p.role() != null) {
                errors.add(at + ".unit: 联络员或负责人须注明所在单位");
            }
            if (p.title() != null && p.title().length() > MAX_NAME) {
                errors.add(at + ".title: 不得超过" + MAX_NAME + "个字");
            }
            if (p.groups() != null) {
                for (int g = 0; g < p.groups().size(); g++) {
                    if (!groupsToJoin.contains(p.groups().get(g))) {
                        errors.add(at + ".groups[" + g + "]: 未知角色组或重点整改组「" + shorten(p.groups().get(g)) + "」");
                    }
                }
            }
        }
        return errors;
    }

    /** Whether the entry merges the unit now: a {@code mergedInto} that is not the merge already recorded. */
    private static boolean merges(Organisation.Unit u, OrganisationRepository.UnitEntry before) {
        return u.mergedInto() != null && !(before != null && u.mergedInto().equals(before.mergedIntoCode()));
    }

    /**
     * A parent given is a unit that exists after the change, not the unit itself; a new parent is not retired
     * nor merging (a parent kept as it is may be); and the parents after the change, merges included, form no loop.
     */
    private void checkParents(Organisation change, Known known, Set<String> active, Set<String> existing,
                              Map<String, String> mergedInto, List<String> errors) {
        Map<String, String> parents = new HashMap<>();
        known.units.values().stream().filter(u -> u.parentCode() != null)
            .forEach(u -> parents.put(u.code(), u.parentCode()));
        List<Integer> given = new ArrayList<>();
        for (int i = 0; i < change.units().size(); i++) {
            Organisation.Unit u = change.units().get(i);
            if (u.parent() == null || blank(u.code())) {
                continue;
            }
            String at = "units[" + i + "].parent";
            OrganisationRepository.UnitEntry before = known.units.get(u.code());
            String parent = u.parent().strip();
            if (parent.isEmpty()) {
                parents.remove(u.code());
            } else if (parent.equals(u.code())) {
                errors.add(at + ": 上级单位不能是本单位");
            } else if (!existing.contains(parent)) {
                errors.add(at + ": 未知的单位「" + shorten(parent) + "」");
            } else if (!active.contains(parent) && !(before != null && parent.equals(before.parentCode()))) {
                errors.add(at + ": 单位「" + shorten(parent) + "」已撤销或正在并入其他单位，不能作为上级单位");
            } else {
                parents.put(u.code(), parent);
                given.add(i);
            }
        }
        mergedInto.forEach((from, into) -> {
            String grandparent = parents.get(from);
            parents.replaceAll((unit, parent) -> parent.equals(from) && !unit.equals(into) ? into : parent);
            if (from.equals(parents.get(into))) {
                if (grandparent == null) {
                    parents.remove(into);
                } else {
                    parents.put(into, grandparent);
                }
            }
        });
        for (int i : given) {
            String code = change.units().get(i).code();
            if (loops(code, parents)) {
                List<String> chain = new ArrayList<>(List.of(code));
                for (String c = parents.get(code); !c.equals(code); c = parents.get(c)) {
                    chain.add(c);
                }
                chain.add(code);
                errors.add("units[" + i + "].parent: 上级单位形成循环（" + String.join("→", chain) + "）");
            }
        }
    }

    /** Whether following the parents up from the unit comes back to it. */
    static boolean loops(String code, Map<String, String> parents) {
        String at = parents.get(code);
        for (int steps = 0; at != null && steps <= parents.size(); steps++) {
            if (at.equals(code)) {
                return true;
            }
            at = parents.get(at);
        }
        return false;
    }

    /** Checks a code; true when it is usable (its name can be checked then). */
    private static boolean checkCode(String at, String code, String kind, Map<String, String> kinds, Set<String> seen,
                                     List<String> errors) {
        if (blank(code)) {
            errors.add(at + ".code: 请填写编号");
            return false;
        }
        if (code.length() > MAX_CODE || !CODE.matcher(code).matches()) {
            errors.add(at + ".code: 编号「" + shorten(code) + "」只能由英文字母和数字组成（不超过" + MAX_CODE + "个）");
            return false;
        }
        if (!seen.add(code)) {
            errors.add(at + ".code: 编号「" + code + "」在本次更改中重复出现");
            return false;
        }
        String existing = kinds.get(code);
        if (existing != null && !existing.equals(kind)) {
            errors.add(at + ".code: 编号「" + code + "」已是" + existing + "的编号");
            return false;
        }
        return true;
    }

    private static void checkName(String at, String name, boolean required, List<String> errors) {
        if (name == null ? required : name.isBlank()) {
            errors.add(at + ".name: 请填写名称");
        } else if (name != null && name.length() > MAX_NAME) {
            errors.add(at + ".name: 名称不得超过" + MAX_NAME + "个字");
        }
    }

    private void write(Organisation change, Known known, Map<String, String> merges) {
        Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
        for (Organisation.RoleGroup g : change.roleGroups()) {
            OrganisationRepository.RoleGroup before = known.roleGroups.get(g.code());
            String name = g.name() != null ? g.name() : before.name();
            boolean oversees = g.oversees() != null ? g.oversees() : before == null || before.oversees();
            repository.putRoleGroup(g.code(), name, oversees);
            saveGroup(g.code(), name, RoleGroups.TYPE_ROLE);
            if (before != null && before.oversees() && !oversees) {
                accessSetup.revokeOverseer(g.code());
            }
        }
        for (Organisation.Unit u : change.units()) {
            OrganisationRepository.UnitEntry before = known.units.get(u.code());
            if (before == null) {
                repository.addUnit(u.code(), u.name());
            } else if (u.name() != null && !u.name().equals(before.name())) {
                repository.renameUnit(u.code(), u.name());
            }
            saveGroup(u.code(), u.name() != null ? u.name() : before.name(), RoleGroups.TYPE_UNIT);
            if (u.kind() != null) {
                repository.setKind(u.code(), u.kind().isBlank() ? null : u.kind().strip());
            }
            if (merges.containsKey(u.code())) {
                continue; // below, once the unit it merges into and the rest of the change are written
            }
            if (Boolean.TRUE.equals(u.retired())) {
                repository.retireUnit(u.code(), now);
            } else if (Boolean.FALSE.equals(u.retired())) {
                repository.reviveUnit(u.code());
            }
        }
        // parents once every new unit exists (a parent may be listed after its child)
        for (Organisation.Unit u : change.units()) {
            if (u.parent() != null) {
                repository.setParent(u.code(), u.parent().isBlank() ? null : u.parent().strip());
            }
        }
        for (Organisation.KeyGroup k : change.keyGroups()) {
            OrganisationRepository.KeyGroup before = known.keyGroups.get(k.code());
            String name = k.name() != null ? k.name() : before.name();
            repository.putKeyGroup(k.code(), name, k.leadUnit() != null ? k.leadUnit() : before.leadUnitCode());
            saveGroup(k.code(), name + "重点整改组", RoleGroups.TYPE_KEY_GROUP);
        }
        Set<String> unitCodes = new HashSet<>();
        repository.allUnits().forEach(u -> unitCodes.add(u.code()));
        Set<String> organisationGroups = new HashSet<>(unitCodes);
        repository.roleGroups().forEach(g -> organisationGroups.add(g.code()));
        repository.keyGroups().forEach(k -> organisationGroups.add(k.code()));
        for (Organisation.Person p : change.people()) {
            place(p, organisationGroups, unitCodes);
        }
        merges.forEach((from, into) -> merge(from, into, now));
        List<String> workers = new ArrayList<>();
        repository.units().forEach(u -> workers.add(u.code()));
        repository.keyGroups().forEach(k -> workers.add(k.code()));
        accessSetup.grant(repository.roleGroups(), workers);
    }

    /**
     * Merges a unit into another: its open measures are transferred (转办, tasks included), the key groups it leads
     * and the reviews they have open go to the other unit, its people (Camunda memberships, the ledger's unit) and
     * its units move there, and it is retired with the merge recorded. Its past measures keep it.
     */
    private void merge(String from, String into, Timestamp now) {
        Map<String, OrganisationRepository.UnitEntry> units = new HashMap<>();
        repository.allUnits().forEach(u -> units.put(u.code(), u));
        UnitWork work = unitWork.getIfAvailable();
        if (work != null) {
            work.transferOpenMeasures(from, into, "单位合并：并入「" + units.get(into).name() + "」");
        }
        repository.replaceLeadUnit(from, into);
        if (work != null) {
            work.moveLeadUnit(from, into);
        }
        List<OrganisationRepository.Member> placed = repository.people().stream()
            .filter(p -> from.equals(p.unitCode())).toList();
        for (User user : identityService.createUserQuery().memberOfGroup(from).list()) {
            identityService.deleteMembership(user.getId(), from);
            if (identityService.createUserQuery().userId(user.getId()).memberOfGroup(into).count() == 0) {
                identityService.createMembership(user.getId(), into);
            }
        }
        for (OrganisationRepository.Member p : placed) {
            repository.placeUser(p.userId(), p.title(), into, p.role());
        }
        if (from.equals(units.get(into).parentCode())) {
            repository.setParent(into, units.get(from).parentCode());
        }
        repository.moveChildren(from, into);
        repository.mergeUnit(from, into, now);
        LOG.info("Unit {} merged into {}", from, into);
    }

    /**
     * Places a person: the Camunda memberships of the organisation's groups become the unit and the groups given
     * (the ledger's memberships follow them, {@link LedgerUsersPlugin}); then title, unit and role.
     */
    private void place(Organisation.Person p, Set<String> organisationGroups, Set<String> unitCodes) {
        User user = identityService.createUserQuery().userId(p.userId()).singleResult();
        repository.followUser(user.getId(), LedgerUsersPlugin.displayName(user), user.getEmail());
        Set<String> current = new LinkedHashSet<>();
        identityService.createGroupQuery().groupMember(p.userId()).list().stream().map(Group::getId)
            .filter(organisationGroups::contains).forEach(current::add);
        Set<String> wanted = new LinkedHashSet<>();
        if (p.groups() != null) {
            wanted.addAll(p.groups());
        } else {
            current.stream().filter(g -> !unitCodes.contains(g)).forEach(wanted::add);
        }
        if (p.unit() != null) {
            wanted.add(p.unit());
        }
        for (String group : current) {
            if (!wanted.contains(group)) {
                identityService.deleteMembership(p.userId(), group);
            }
        }
        for (String group : wanted) {
            if (!current.contains(group)) {
                identityService.createMembership(p.userId(), group);
            }
        }
        repository.placeUser(p.userId(), p.title(), p.unit(), p.role());
    }

    private void saveGroup(String id, String name, String type) {
        Group group = identityService.createGroupQuery().groupId(id).singleResult();
        if (group == null) {
            group = identityService.newGroup(id);
        } else if (Objects.equals(name, group.getName()) && type.equals(group.getType())) {
            return;
        }
        group.setName(name);
        group.setType(type);
        identityService.saveGroup(group);
    }

    /**
     * Runs engine identity calls as the application, not as the caller: the office may change the organisation
     * (the API checks it), though Camunda would let only an administrator create a group or a membership.
     */
    private <T> T asEngine(Supplier<T> call) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return call.get();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
