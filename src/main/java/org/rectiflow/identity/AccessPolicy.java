package org.rectiflow.identity;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Who may see what: the one place that answers it. The engine's authorizations ({@link AccessSetup}), the
 * per-instance grants of a measure ({@code measure.MeasureInstanceAccess}), the application's API
 * ({@code security.ApiUser} and the controllers behind it) and the reports all ask here. docs/access.md shows the
 * answers as a role × view matrix.
 * <ul>
 * <li>The <b>overseers</b> see every unit's part of a round: the role groups of the organisation file that
 *     oversee (every role group unless the file says {@code oversees: false}, as it does for the process owner),
 *     and Camunda's administrators. Defined by the organisation file, nowhere else.</li>
 * <li>A <b>unit's</b> users (liaison, head) see their own unit's measures; the lead unit of a key group also reads
 *     the instances of its group's measures (it reviews their reports), but its summary and ledger stay its own
 *     unit's.</li>
 * <li>The office and the administrators register rounds.</li>
 * <li>The administrators and the monitoring group read the metrics.</li>
 * </ul>
 * The policy works on the groups of a user (what the engine's authentication carries). The overseers are the
 * ledger's role groups ({@code org_role_group}, changed through {@code /api/organisation}), asked at each call so
 * that every node of a cluster sees a change at once; until the ledger has any (before the initial import, or
 * in a plain unit test) the organisation the loader gave last, or the configured file.
 */
@Component
public class AccessPolicy {

    /** The groups that register rounds (start inspection-round instances). */
    private static final Set<String> REGISTRARS = Set.of(RoleGroups.OFFICE, RoleGroups.ADMIN);
    /** The groups that read the actuator's metrics. */
    private static final Set<String> METRICS_READERS = Set.of(RoleGroups.ADMIN, RoleGroups.MONITORING);

    private final OrganisationProperties properties;
    private final OrganisationRepository ledger;
    private volatile Set<String> overseers;

    /** Without a ledger: the organisation file's answers (tests). */
    public AccessPolicy(OrganisationProperties properties) {
        this(properties, null);
    }

    @Autowired
    public AccessPolicy(OrganisationProperties properties, OrganisationRepository ledger) {
        this.properties = properties;
        this.ledger = ledger;
    }

    /** Called by the loader with the organisation it has just written. */
    void use(OrganisationFile organisation) {
        overseers = overseersOf(organisation);
    }

    /** The groups that oversee every unit: these role groups' overseeing ones and the administrators. */
    static Set<String> overseersOf(List<OrganisationRepository.RoleGroup> roleGroups) {
        return withAdministrators(roleGroups.stream().filter(OrganisationRepository.RoleGroup::oversees)
            .map(OrganisationRepository.RoleGroup::code));
    }

    /** The groups that oversee every unit: the organisation's overseeing role groups and the administrators. */
    static Set<String> overseersOf(OrganisationFile organisation) {
        return withAdministrators(organisation.roleGroups().stream().filter(OrganisationFile.RoleGroup::overseesAllUnits)
            .map(OrganisationFile.RoleGroup::id));
    }

    private static Set<String> withAdministrators(Stream<String> overseeingRoleGroups) {
        Set<String> groups = new LinkedHashSet<>();
        overseeingRoleGroups.forEach(groups::add);
        groups.add(RoleGroups.ADMIN);
        return Set.copyOf(groups);
    }

    /** The groups that oversee every unit (see the class comment). */
    public Set<String> overseers() {
        if (ledger != null) {
            List<OrganisationRepository.RoleGroup> roleGroups = ledger.roleGroups();
            if (!roleGroups.isEmpty()) {
                return overseersOf(roleGroups);
            }
        }
        Set<String> known = overseers;
        if (known == null) {
            synchronized (this) {
                if (overseers == null) {
                    overseers = overseersOf(OrganisationLoader.read(properties.file(), OrganisationFile.class));
                }
                known = overseers;
            }
        }
        return known;
    }

    /** True for a user in an overseeing group. */
    public boolean oversees(Collection<String> groups) {
        Set<String> overseeing = overseers();
        return groups.stream().anyMatch(overseeing::contains);
    }

    /** The units whose measures the user sees in a round's summary and ledger. */
    public Scope scopeOf(Collection<String> groups) {
        return oversees(groups) ? Scope.allUnits() : Scope.units(groups);
    }

    /** Only the office (and administrators) register rounds. */
    public boolean mayRegisterRounds(Collection<String> groups) {
        return groups.stream().anyMatch(REGISTRARS::contains);
    }

    /**
     * The public progress report, the list of rounds, the import template and the dashboard page are for every
     * user who logged in: the report is the one the organisation publishes, the rest names no measure.
     */
    public boolean mayReadPublicViews(Collection<String> groups) {
        return groups != null;
    }

    /** The actuator's metrics (not its health, which is open): administrators and the monitoring group. */
    public boolean mayReadMetrics(Collection<String> groups) {
        return groups.stream().anyMatch(METRICS_READERS::contains);
    }

    /**
     * The groups granted read access to a measure's instance and its history, besides the overseers (who read
     * every instance): its responsible unit and the lead unit of its key group.
     */
    public List<String> measureReaders(String unitCode, String leadUnitCode) {
        return List.copyOf(new LinkedHashSet<>(List.of(unitCode, leadUnitCode)));
    }

    /** Whether a user may read a measure of this unit and key group lead unit. */
    public boolean mayReadMeasure(Collection<String> groups, String unitCode, String leadUnitCode) {
        return oversees(groups) || measureReaders(unitCode, leadUnitCode).stream().anyMatch(groups::contains);
    }
}
