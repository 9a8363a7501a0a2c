package org.rectiflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The settings a notifying service task gives its delegate, and the placeholders of its texts. */
class MessageSettingsTest {

    private static final MessageSettings LEGACY = new MessageSettings(Set.of(UnitRecipient.LIAISON), List.of(),
        "【旧】{code}", "旧正文{code}");

    @Test
    void placeholdersAreFilledInAndAnUnknownOneIsAnError() {
        assertThat(MessageTemplate.render("【{step}】{code}：{code}", Map.of("step", "绿色提醒", "code", "A-1")))
            .isEqualTo("【绿色提醒】A-1：A-1");
        assertThat(MessageTemplate.render("价格{amount}元 $1 \\\\", Map.of("amount", "$5"))).isEqualTo("价格$5元 $1 \\\\");
        assertThat(MessageTemplate.placeholders("{a}{b}{a} {not a placeholder} ${x.y(z)}")).containsExactly("a", "b");
        assertThatThrownBy(() -> MessageTemplate.render("{unitNmae}", Map.of("unitName", "思明分局")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{unitNmae}")
            .hasMessageContaining("{unitName}");
    }

    @Test
    void aTaskThatSetsNoFieldGetsTheFormerBehaviour() {
        assertThat(MessageSettings.of(null, null, null, " ", LEGACY)).isSameAs(LEGACY);
    }

    @Test
    void aTaskThatSetsAnyFieldSetsItsRecipientsAndWords() {
        MessageSettings settings = MessageSettings.of("LIAISON, LEADER", "supervision，leadinggroup", " 标题 ", "正文", LEGACY);
        assertThat(settings.unitRecipients()).containsExactlyInAnyOrder(UnitRecipient.LIAISON, UnitRecipient.LEADER);
        assertThat(settings.groups()).containsExactly("supervision", "leadinggroup");
        assertThat(settings.subject()).isEqualTo("标题");

        MessageSettings nobodyInTheUnit = MessageSettings.of("NONE", null, "标题", "正文", LEGACY);
        assertThat(nobodyInTheUnit.unitRecipients()).isEmpty();
        assertThat(nobodyInTheUnit.groups()).isEmpty();

        assertThatThrownBy(() -> MessageSettings.of("LIAISON", null, null, "正文", LEGACY))
            .hasMessageContaining("subject");
        assertThatThrownBy(() -> MessageSettings.of(null, "office", "标题", null, LEGACY)).hasMessageContaining("body");
        assertThatThrownBy(() -> MessageSettings.of("LIASON", null, "标题", "正文", LEGACY))
            .hasMessageContaining("'LIASON'");
    }

    /**
     * The templates' {@code NONE} tells no group, and so do the forms a diagram deployed before that default may
     * carry: a blank value and no field at all.
     */
    @Test
    void noneABlankValueAndAMissingFieldAllTellNoGroup() {
        for (String groups : new String[] {"NONE", " NONE ", " ", null}) {
            MessageSettings settings = MessageSettings.of("LIAISON", groups, "标题", "正文", LEGACY);
            assertThat(settings.groups()).as(String.valueOf(groups)).isEmpty();
            assertThat(settings.unitRecipients()).containsExactly(UnitRecipient.LIAISON);
        }
        assertThat(MessageSettings.groups("NONE")).isEmpty();
        assertThat(MessageSettings.groups("office, NONE")).containsExactly("office");
    }
}
