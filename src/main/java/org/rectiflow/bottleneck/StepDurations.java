package org.rectiflow.bottleneck;

import java.util.List;

/**
 * The duration classes of the ledger's histogram of finished steps ({@code step_duration}, ledger V21) and the
 * percentiles read from it. A class is named by its lower bound in seconds: whole hours under a day, tenths of a day
 * under ten days, whole days beyond — the resolution {@link Waits#text} shows a duration in, so a percentile read
 * from the histogram reads exactly as the same percentile of the durations themselves (rounded down).
 */
final class StepDurations {

    static final long HOUR = 3600;
    static final long DAY = 86_400;
    static final long TENTH_OF_A_DAY = DAY / 10;

    /** The histogram's class as SQL, of a duration in whole seconds {@code s} (the same as {@link #bucket}). */
    static final String BUCKET_SQL = "CASE WHEN s < 86400 THEN s - MOD(s, 3600) WHEN s < 864000 THEN s - MOD(s, 8640)"
        + " ELSE s - MOD(s, 86400) END";

    /** One class of a histogram: its lower bound and how many finished there. */
    record Bucket(long seconds, long finished) {
    }

    private StepDurations() {
    }

    /** The class of a duration in seconds: its lower bound. */
    static long bucket(long seconds) {
        long s = Math.max(0, seconds);
        if (s < DAY) {
            return s - s % HOUR;
        }
        if (s < 10 * DAY) {
            return s - s % TENTH_OF_A_DAY;
        }
        return s - s % DAY;
    }

    /** How many finished in all. */
    static long count(List<Bucket> histogram) {
        return histogram.stream().mapToLong(Bucket::finished).sum();
    }

    /**
     * The nearest-rank percentile (as SQL's {@code PERCENTILE_DISC}): the first class, in ascending order, at which
     * at least the fraction {@code p} of all have finished; null for an empty histogram.
     *
     * @param ascending the classes in ascending order
     */
    static Long percentile(List<Bucket> ascending, double p) {
        long total = count(ascending);
        if (total == 0) {
            return null;
        }
        long cumulative = 0;
        for (Bucket b : ascending) {
            cumulative += b.finished();
            if (cumulative >= p * total) {
                return b.seconds();
            }
        }
        return ascending.get(ascending.size() - 1).seconds();
    }
}
