package org.rectiflow.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.el.FixedValue;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/**
 * A days field as the engine injects it (a {@code camunda:string} becomes a {@link FixedValue}): the templates'
 * {@code DEFAULT} means "as configured", and so do the forms a diagram deployed before that default may carry, a
 * blank value (the engine accepts {@code <camunda:string> </camunda:string>}) and no field at all.
 */
class DelegateFieldsTest {

    private final DelegateExecution execution = Mockito.mock(DelegateExecution.class);

    @Test
    void defaultABlankValueAndAMissingFieldAllMeanTheConfiguredDay() {
        assertThat(DelegateFields.days(new FixedValue("DEFAULT"), "offsetDays", execution)).isNull();
        assertThat(DelegateFields.days(new FixedValue(" DEFAULT "), "offsetDays", execution)).isNull();
        assertThat(DelegateFields.days(new FixedValue("  "), "offsetDays", execution)).isNull();
        assertThat(DelegateFields.days(new FixedValue(""), "offsetDays", execution)).isNull();
        assertThat(DelegateFields.days(null, "offsetDays", execution)).isNull();
    }

    @Test
    void aNumberOfDaysIsSignedAndAnythingElseIsAnErrorNamingTheTaskAndField() {
        assertThat(DelegateFields.days(new FixedValue("-5"), "offsetDays", execution)).isEqualTo(-5);
        assertThat(DelegateFields.days(new FixedValue(" +45 "), "offsetDays", execution)).isEqualTo(45);
        Mockito.when(execution.getCurrentActivityId()).thenReturn("serviceTask_remind");
        assertThatThrownBy(() -> DelegateFields.days(new FixedValue("default"), "offsetDays", execution))
            .hasMessage("The service task serviceTask_remind sets the field 'offsetDays' to 'default', "
                + "not a whole number of days");
    }
}
