package org.rectiflow.guard;

import java.util.function.Supplier;

/**
 * Marks the engine calls that the application's own code makes from outside the engine: registering a
 * round through {@code POST /api/rounds}, the demo's walkthrough, tests. Only inside such a call may a
 * process instance be started or a variable written through the engine's services; the REST API and the
 * webapps never run inside one, so a user can do neither ({@link EngineCalls}). Code the engine runs (the
 * delegates of a deployed diagram, which {@link DiagramPolicy} checks) needs no marker.
 */
public final class ApplicationCalls {

    private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

    private ApplicationCalls() {
    }

    public static <T> T call(Supplier<T> call) {
        DEPTH.set(DEPTH.get() + 1);
        try {
            return call.get();
        } finally {
            int depth = DEPTH.get() - 1;
            if (depth == 0) {
                DEPTH.remove();
            } else {
                DEPTH.set(depth);
            }
        }
    }

    public static void run(Runnable call) {
        call(() -> {
            call.run();
            return null;
        });
    }

    static boolean active() {
        return DEPTH.get() > 0;
    }
}
