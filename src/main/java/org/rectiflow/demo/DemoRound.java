package org.rectiflow.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;

import org.rectiflow.inspection.RoundRegistration;
import org.springframework.core.io.Resource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Reads the demo round file and turns it into a registration as of a given day. */
public final class DemoRound {

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();

    private DemoRound() {
    }

    public static DemoRoundFile read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return YAML.readValue(in, DemoRoundFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the demo round " + resource.getDescription(), e);
        }
    }

    /**
     * The registration of the demo round with its dates counted from {@code today}. It is registered as
     * of its feedback date, as an office would have done then: so some deadlines are already past.
     */
    public static RoundRegistration registration(DemoRoundFile file, LocalDate today) {
        LocalDate feedback = today.plusDays(file.feedbackDays());
        return new RoundRegistration(file.code(), file.title(), file.inspectionGroup(), file.inspectedOrganisation(),
            file.inspectedShortName(), today.plusDays(file.inspectionStartDays()),
            today.plusDays(file.inspectionEndDays()), feedback, feedback,
            file.categories().stream().map(c -> new RoundRegistration.Category(c.seq(), c.title(),
                c.problems().stream().map(p -> new RoundRegistration.Problem(p.seq(), p.title(), p.keyGroup(),
                    p.measures().stream().map(m -> new RoundRegistration.Measure(m.content(), m.unit(),
                        m.leader() == null ? p.leader() : m.leader(), today.plusDays(m.deadlineDays()), m.kind()))
                        .toList()))
                    .toList()))
                .toList(),
            file.clues().stream().map(c -> new RoundRegistration.Clue(c.reference(), c.kind(), c.summary(),
                today.plusDays(c.receivedDays()))).toList());
    }
}
