package org.rectiflow.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** The public progress report as an HTML page and as a Word document (Apache POI XWPF). */
@Component
public class ReportRenderer {

    static final String[] PARTS = {"一、提高政治站位，认真抓好巡察整改工作", "二、巡察反馈问题的整改情况",
        "三、巡察反馈问题线索的处理情况", "四、需要进一步整改的事项及措施"};

    /** The report page's style sheet, inline so that a saved page keeps it. */
    static final String STYLE = "body{max-width:52em;margin:2em auto;font-family:'Noto Serif CJK SC','SimSun',serif;"
        + "line-height:1.8;padding:0 1em}h1{text-align:center;font-size:1.5em}p{text-indent:2em;margin:.4em 0}"
        + "h2,h3{font-size:1.05em;margin:1em 0 .3em}.sign{text-align:right}";

    /** The Content-Security-Policy source that allows exactly {@link #STYLE}: {@code 'sha256-…'}. */
    public static final String STYLE_HASH = "'sha256-" + sha256(STYLE) + "'";

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String html(ProgressReport report) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>")
            .append(htmlEscape(report.title())).append("</title><style>").append(STYLE).append("</style></head><body>");
        html.append("<h1>").append(htmlEscape(report.title())).append("</h1>");
        p(html, report.opening());
        html.append("<h2>").append(PARTS[0]).append("</h2>");
        for (ProgressReport.Section section : report.organisation()) {
            html.append("<h3>").append(htmlEscape(section.heading())).append("</h3>");
            p(html, section.text());
        }
        html.append("<h2>").append(PARTS[1]).append("</h2>");
        for (ProgressReport.Category category : report.categories()) {
            html.append("<h3>").append(htmlEscape(category.heading())).append("</h3>");
            for (ProgressReport.Problem problem : category.problems()) {
                html.append("<h4>").append(htmlEscape(problem.heading())).append("</h4>");
                p(html, problem.text());
            }
        }
        html.append("<h2>").append(PARTS[2]).append("</h2>");
        p(html, report.clues());
        html.append("<h2>").append(PARTS[3]).append("</h2>");
        report.nextSteps().forEach(text -> p(html, text));
        if (!report.contact().isEmpty()) {
            p(html, "欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。"
                + String.join("；", report.contact()) + "。");
        }
        html.append("<p class=\"sign\">").append(htmlEscape(report.signature())).append("</p>");
        html.append("<p class=\"sign\">").append(htmlEscape(report.date())).append("</p>");
        return html.append("</body></html>").toString();
    }

    /** Escapes only what HTML needs (&lt; &gt; &amp; quotes): the Chinese text stays readable in the source. */
    private static String htmlEscape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static void p(StringBuilder html, String text) {
        html.append("<p>").append(htmlEscape(text)).append("</p>");
    }

    public void docx(ProgressReport report, OutputStream out) throws IOException {
        try (XWPFDocument document = new XWPFDocument()) {
            XWPFParagraph title = document.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            run(title, report.title(), true, 18);
            paragraph(document, report.opening());
            heading(document, PARTS[0]);
            for (ProgressReport.Section section : report.organisation()) {
                heading(document, section.heading());
                paragraph(document, section.text());
            }
            heading(document, PARTS[1]);
            for (ProgressReport.Category category : report.categories()) {
                heading(document, category.heading());
                for (ProgressReport.Problem problem : category.problems()) {
                    heading(document, problem.heading());
                    paragraph(document, problem.text());
                }
            }
            heading(document, PARTS[2]);
            paragraph(document, report.clues());
            heading(document, PARTS[3]);
            report.nextSteps().forEach(text -> paragraph(document, text));
            if (!report.contact().isEmpty()) {
                paragraph(document, "欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。"
                    + String.join("；", report.contact()) + "。");
            }
            for (String line : new String[] {report.signature(), report.date()}) {
                XWPFParagraph sign = document.createParagraph();
                sign.setAlignment(ParagraphAlignment.RIGHT);
                run(sign, line, false, 14);
            }
            document.write(out);
        }
    }

    private static void heading(XWPFDocument document, String text) {
        run(document.createParagraph(), text, true, 14);
    }

    private static void paragraph(XWPFDocument document, String text) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setFirstLineIndent(560);
        run(paragraph, text, false, 14);
    }

    private static void run(XWPFParagraph paragraph, String text, boolean bold, int size) {
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        run.setBold(bold);
        run.setFontSize(size);
        run.setFontFamily("仿宋");
    }
}
