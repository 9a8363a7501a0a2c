package org.rectiflow.identity;

import java.util.Collection;
import java.util.Set;

/**
 * Which units' measures a user sees in a round's summary and ledger: every unit's (an overseer) or some units'
 * only (a unit's user: the groups they belong to, which include their unit). An explicit value, where a
 * {@code null} list of units used to mean "all units".
 */
public sealed interface Scope {

    /** Every unit's measures, and with them the key groups and the clues. */
    static Scope allUnits() {
        return AllUnits.INSTANCE;
    }

    /** The measures of these units only (other group ids in the set match no measure). */
    static Scope units(Collection<String> unitCodes) {
        return new Units(Set.copyOf(unitCodes));
    }

    /** True for the whole round. */
    boolean isAllUnits();

    /** True when a measure of this unit is in the scope. */
    boolean includes(String unitCode);

    /** The whole round. */
    enum AllUnits implements Scope {
        INSTANCE;

        @Override
        public boolean isAllUnits() {
            return true;
        }

        @Override
        public boolean includes(String unitCode) {
            return true;
        }
    }

    /** Some units only. */
    record Units(Set<String> codes) implements Scope {

        @Override
        public boolean isAllUnits() {
            return false;
        }

        @Override
        public boolean includes(String unitCode) {
            return codes.contains(unitCode);
        }
    }
}
