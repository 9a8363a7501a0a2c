package org.rectiflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a form's text component is given for user-entered text: Markdown's escapes, nothing left to render. */
class FormTextTest {

    @Test
    void markupAndMarkdownAreEscapedCharacterByCharacter() {
        assertThat(FormText.plain("<img src=x onerror=alert(1)>")).isEqualTo("\\<img src\\=x onerror\\=alert\\(1\\)\\>");
        assertThat(FormText.plain("**已整改** [链接](http://x)")).isEqualTo("\\*\\*已整改\\*\\* \\[链接\\]\\(http:\\/\\/x\\)");
        assertThat(FormText.plain("A&B `code` #1 {{x}}")).isEqualTo("A\\&B \\`code\\` \\#1 \\{\\{x\\}\\}");
    }

    @Test
    void chineseTextAndLineBreaksStayAsTheyAre() {
        assertThat(FormText.plain("完善制度，组织培训。\n第二行（附件）")).isEqualTo("完善制度，组织培训。\n第二行（附件）");
        assertThat(FormText.plain(null)).isNull();
    }

    @Test
    void commasPercentagesColonsAndSemicolonsAreNotEscaped() {
        assertThat(FormText.plain("重数量,轻质量;比例30%;时间09:00")).isEqualTo("重数量,轻质量;比例30%;时间09:00");
    }
}
