package org.rectiflow.common;

/**
 * Text that a form's text component shows exactly as it was typed. The Tasklist renders those components as
 * Markdown and lets some HTML through, so a reviewer's {@code <img src=…>} or {@code **…**} would otherwise be
 * rendered in the next person's form. Every ASCII punctuation character is escaped with a backslash (Markdown's
 * own escape, which also turns {@code <} and {@code &} into text); line breaks stay line breaks. Four characters
 * that are neither Markdown, HTML nor template syntax stay as they are, so that a time (09:00), a percentage or a
 * list reads cleanly: {@code , % : ;}. Only for the variables a form displays: the ledger, notifications and
 * reports keep the text as typed.
 */
public final class FormText {

    private FormText() {
    }

    public static String plain(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128 && isPunctuation(c)) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean isPunctuation(char c) {
        if (c == ',' || c == '%' || c == ':' || c == ';') {
            return false;
        }
        return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~';
    }
}
