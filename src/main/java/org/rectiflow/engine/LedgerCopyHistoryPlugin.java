package org.rectiflow.engine;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * History level FULL without the duplicate variable details. At FULL the engine writes every value of a
 * variable twice into history: in ACT_HI_VARINST (its current value) and as a row of ACT_HI_DETAIL (every
 * value it ever had, with who and when). For the variables a diagram declares as {@link LedgerCopies} the
 * detail rows are left out: they are copies of the ledger's rows, whose changes the ledger's status history
 * keeps, and their current value stays in ACT_HI_VARINST. Every other variable (what users enter in forms,
 * their decisions) keeps its full detail history, and the level stays FULL, so databases that exist need no
 * migration. docs/benchmarks.md measures what it saves. An office that wants the details of every variable
 * sets {@code rectiflow.history.detail-for-ledger-copies: true}.
 */
@Component
@ConditionalOnProperty(name = "rectiflow.history.detail-for-ledger-copies", havingValue = "false", matchIfMissing = true)
public class LedgerCopyHistoryPlugin extends AbstractProcessEnginePlugin {

    private final Map<String, Set<String>> copies = new HashMap<>();

    public LedgerCopyHistoryPlugin(List<LedgerCopies> declarations) {
        for (LedgerCopies d : declarations) {
            copies.computeIfAbsent(d.processDefinitionKey(), key -> new HashSet<>()).addAll(d.variableNames());
        }
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // the engine's own database handler is replaced by this subclass of it; other handlers stay
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        configuration.getCustomHistoryEventHandlers().add(0, new Handler());
    }

    /** Whether the engine writes a variable-update detail for this variable of this diagram. */
    boolean writesDetail(String processDefinitionKey, String variableName) {
        Set<String> names = copies.get(processDefinitionKey);
        return names == null || !names.contains(variableName);
    }

    private final class Handler extends DbHistoryEventHandler {
        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
            return writesDetail(event.getProcessDefinitionKey(), event.getVariableName())
                    && super.shouldWriteHistoricDetail(event);
        }
    }
}
