package org.rectiflow.report;

import org.rectiflow.security.InlineStyleSheet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The progress report's one inline style sheet, allowed by the API's Content-Security-Policy. */
@Configuration(proxyBeanMethods = false)
class ReportStyleSheet {

    @Bean
    InlineStyleSheet reportInlineStyleSheet() {
        return new InlineStyleSheet(ReportRenderer.STYLE_HASH);
    }
}
