package org.rectiflow.engine;

import java.util.Set;
import java.util.stream.Collectors;

import org.rectiflow.common.Variable;

/**
 * Process variables of one diagram that copy the ledger for the Tasklist and the gateways: set by the
 * application, never by a user, and with their history in the ledger. {@link LedgerCopyHistoryPlugin} writes
 * no variable-update details (ACT_HI_DETAIL) for them. A diagram's list is not written by hand: it is the
 * variables its constants class declares with {@link Variable#ledgerCopy()} ({@link #declaredIn}).
 */
public record LedgerCopies(String processDefinitionKey, Set<String> variableNames) {

    public LedgerCopies {
        variableNames = Set.copyOf(variableNames);
    }

    /** The variables of the constants classes that are declared ledger copies, for the diagram of the key. */
    public static LedgerCopies declaredIn(String processDefinitionKey, Class<?>... constants) {
        return new LedgerCopies(processDefinitionKey, Variable.declaredIn(constants).stream()
            .filter(Variable::isLedgerCopy).map(Variable::name).collect(Collectors.toSet()));
    }
}
