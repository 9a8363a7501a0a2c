package org.rectiflow.lookback;

import java.util.List;

import org.rectiflow.guard.DiagramFunctions;
import org.springframework.stereotype.Component;

/** The look-back check's collection, {@code ${lookBacks.sampled(roundCode)}}: the measures drawn for the round. */
@Component("lookBacks")
@DiagramFunctions
public class LookBackSamples {

    private final LookBackService lookBacks;

    public LookBackSamples(LookBackService lookBacks) {
        this.lookBacks = lookBacks;
    }

    public List<String> sampled(String roundCode) {
        return lookBacks.sampled(roundCode);
    }
}
