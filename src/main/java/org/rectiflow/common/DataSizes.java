package org.rectiflow.common;

import org.springframework.util.unit.DataSize;

/** Sizes in the words of a refusal. */
public final class DataSizes {

    private DataSizes() {
    }

    /** A size as people write it: 10MB, 512KB, 100B. */
    public static String text(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + "MB";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + "KB";
        }
        return bytes + "B";
    }
}
