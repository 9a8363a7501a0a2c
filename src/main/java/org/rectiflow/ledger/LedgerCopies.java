package org.rectiflow.ledger;

import java.util.Set;

/**
 * Process variables of one diagram that copy the ledger for the Tasklist and the gateways: set by the
 * application, never by a user, and with their history in the ledger. {@link LedgerCopyHistoryPlugin} writes
 * no variable-update details (ACT_HI_DETAIL) for them.
 */
public record LedgerCopies(String processDefinitionKey, Set<String> variableNames) {

    public LedgerCopies {
        variableNames = Set.copyOf(variableNames);
    }
}
