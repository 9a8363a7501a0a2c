package org.rectiflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.junit.jupiter.api.Test;

/**
 * A timer event's label names its step (绿色提醒时点, 超期督办周期), never its offset (临期10天): the offsets are
 * settings ({@code rectiflow.escalation.*}, {@code rectiflow.clue.*}, {@code rectiflow.plan.*},
 * {@code rectiflow.report.*}), and a label with a number would be wrong as soon as the office changed one.
 */
class TimerLabelsTest {

    /** Arabic, full-width and Chinese numerals (两 as in 两个月). */
    private static final Pattern NUMBER = Pattern.compile("[0-9０-９一二三四五六七八九十百两]");

    @Test
    void noTimerLabelCarriesANumber() throws IOException {
        int timers = 0;
        for (Path file : diagrams()) {
            for (TimerEventDefinition timer : Bpmn.readModelFromFile(file.toFile())
                .getModelElementsByType(TimerEventDefinition.class)) {
                Event event = (Event) timer.getParentElement();
                timers++;
                String name = event.getName() == null ? "" : event.getName();
                assertThat(NUMBER.matcher(name).find())
                    .as(file + ": the label of " + event.getId() + " (" + name + ") carries a number").isFalse();
            }
        }
        assertThat(timers).isPositive();
    }

    private static List<Path> diagrams() throws IOException {
        try (Stream<Path> files = Files.list(ModelSources.PROCESSES)) {
            return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
        }
    }
}
