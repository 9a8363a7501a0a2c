package org.rectiflow.mechanism;

import java.util.Optional;

/** 新建 (a mechanism built) or 修订 (one revised). */
public enum MechanismRevision {
    NEW("新建"),
    REVISED("修订");

    private final String label;

    MechanismRevision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** By its label (新建, 修订) or its name (NEW, REVISED); empty for anything else. */
    public static Optional<MechanismRevision> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (MechanismRevision revision : values()) {
            if (revision.label.equals(text.strip()) || revision.name().equals(text.strip())) {
                return Optional.of(revision);
            }
        }
        return Optional.empty();
    }
}
