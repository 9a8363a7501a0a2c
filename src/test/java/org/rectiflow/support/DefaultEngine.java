package org.rectiflow.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;

/**
 * The engine's REST API and webapps find their engine by name ("default") in a JVM-wide registry. Tests
 * run several Spring contexts in one JVM, each with its own "default" engine, and the last one started
 * wins the name; a test that calls a cached context over HTTP first puts that context's engine back.
 */
public final class DefaultEngine {

    private DefaultEngine() {
    }

    public static void use(ProcessEngine engine) {
        ProcessEngines.registerProcessEngine(engine);
    }
}
