package org.rectiflow.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;

/** A form field's declaration and the checked reading of its submitted value. */
class FormFieldTest {

    private static final FormField COMMENT = FormField.text("review", "comment", "意见说明（退回时必填）", 5);
    private static final FormField DECISION = FormField.choice("review", "decision", "审核意见");
    private static final FormField DAY = FormField.date("review", "day", "会议日期");
    private static final FormField VERSION = FormField.number("review", "version", "审定版本号");

    enum Decision { APPROVE, REJECT }

    private final VariableTest.Scope task = new VariableTest.Scope(null);
    private final FormValues form = FormValues.of(task);

    @Test
    void errorsCallTheFieldByItsLabelWithoutTheHint() {
        assertThat(COMMENT.name()).isEqualTo("意见说明");
        assertThat(DECISION.name()).isEqualTo("审核意见");
        assertThat(COMMENT.requiredWhen("退回返工时")).isInstanceOf(FormFieldValidationException.class)
            .hasMessage("退回返工时请填写意见说明");
        assertThat(COMMENT.invalid("不能早于今天")).hasMessage("意见说明不能早于今天");
    }

    @Test
    void theKeyIsTheRefusalsDetailNotPartOfItsMessage() {
        assertThat(COMMENT.required().<String>getDetail()).isEqualTo("comment");
        assertThat(COMMENT.required()).hasMessage("请填写意见说明");
        task.setVariable("decision", "MAYBE");
        FormFieldValidationException refusal = catchThrowableOfType(FormFieldValidationException.class,
            () -> form.requiredChoice(DECISION, Decision.class));
        assertThat(refusal.<String>getDetail()).isEqualTo("decision");
        assertThat(refusal.getMessage()).doesNotContain("decision");
    }

    @Test
    void textIsStrippedAndCheckedAgainstTheDeclaredLength() {
        task.setVariable("comment", "  好的  ");
        assertThat(form.optionalText(COMMENT)).isEqualTo("好的");
        task.setVariable("comment", "一二三四五六");
        assertThatThrownBy(() -> form.optionalText(COMMENT)).hasMessage("意见说明不能超过5个字符");
        task.setVariable("comment", " ");
        assertThat(form.optionalText(COMMENT)).isNull();
        assertThatThrownBy(() -> form.requiredText(COMMENT)).hasMessage("请填写意见说明");
    }

    @Test
    void choicesDatesAndNumbers() {
        task.setVariable("decision", "REJECT");
        task.setVariable("day", "2026-03-01");
        task.setVariable("version", 3L);
        assertThat(form.requiredChoice(DECISION, Decision.class)).isEqualTo(Decision.REJECT);
        assertThat(form.requiredDate(DAY, ZoneId.of("Asia/Shanghai"))).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(form.requiredInteger(VERSION)).isEqualTo(3);
        task.setVariable("decision", "MAYBE");
        assertThatThrownBy(() -> form.requiredChoice(DECISION, Decision.class))
            .hasMessage("审核意见取值“MAYBE”无效");
        task.setVariable("day", "3月1日");
        assertThatThrownBy(() -> form.requiredDate(DAY, ZoneId.of("Asia/Shanghai")))
            .hasMessage("会议日期的日期格式应为 yyyy-MM-dd");
        task.setVariable("version", "三");
        assertThatThrownBy(() -> form.requiredInteger(VERSION)).hasMessage("审定版本号应为整数");
    }

    @Test
    void prefillAndDiscardWorkOnTheScopeItself() {
        VariableTest.Scope child = new VariableTest.Scope(task);
        COMMENT.prefill(child, "草稿");
        assertThat(child.hasVariableLocal("comment")).isTrue();
        assertThat(task.hasVariableLocal("comment")).isFalse();
        assertThat(FormValues.of(child).asSubmitted(COMMENT)).isEqualTo("草稿");
        COMMENT.discard(child);
        assertThat(child.hasVariable("comment")).isFalse();
    }
}
