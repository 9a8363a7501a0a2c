package org.rectiflow.inspection;

import java.util.List;

import org.rectiflow.guard.DiagramFunctions;
import org.springframework.stereotype.Component;

/**
 * The collections inspection-round's multi-instance activities run over, read from the ledger:
 * {@code ${inspectionRounds.unitCodes(roundCode)}}, {@code ${inspectionRounds.measureCodes(roundCode, unitCode)}}
 * and {@code ${inspectionRounds.clueCodes(roundCode)}}. Nothing else of the round is reachable from a diagram.
 */
@Component("inspectionRounds")
@DiagramFunctions
public class RoundCollections {

    private final InspectionRoundService rounds;

    public RoundCollections(InspectionRoundService rounds) {
        this.rounds = rounds;
    }

    public List<String> unitCodes(String roundCode) {
        return rounds.unitCodes(roundCode);
    }

    public List<String> measureCodes(String roundCode, String unitCode) {
        return rounds.measureCodes(roundCode, unitCode);
    }

    public List<String> clueCodes(String roundCode) {
        return rounds.clueCodes(roundCode);
    }
}
