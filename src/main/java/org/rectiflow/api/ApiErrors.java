package org.rectiflow.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * The {@code /api} error answers: a JSON body with every error, each naming its field. A body that is not the JSON
 * expected names, in plain words, the field whose value has the wrong type ({@code categories[0].seq: 应为整数}),
 * or the line and column where the JSON itself is broken; never a Java type. A feature's own refusals (a round
 * that breaks its rules, a code registered already) are answered by its controller in the same shape:
 * {@code {"message": …, "errors": […]}}. This package depends on no feature.
 */
@RestControllerAdvice(basePackages = "org.rectiflow")
public class ApiErrors {

    static final String UNREADABLE = "请求体无法读取，未作任何更改";

    private static final Pattern UNEXPECTED_CHARACTER = Pattern.compile("Unexpected character \\('(.+?)' \\(code");
    private static final Pattern OUT_OF_RANGE = Pattern.compile("value \\((.{1,40}?)\\) out of range");
    private static final Pattern UNRECOGNIZED_TOKEN = Pattern.compile("Unrecognized token '([^']{1,40})");

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(Map.of("message", UNREADABLE, "errors", List.of(problem(e))));
    }

    /** What is wrong with the body, in words: the field and what it should be, or where the JSON breaks. */
    static String problem(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        String field = cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty() ? path(mapping)
            : "请求体";
        InputCoercionException range = find(cause, InputCoercionException.class);
        if (range != null) {
            Matcher value = OUT_OF_RANGE.matcher(String.valueOf(range.getOriginalMessage()));
            return field + ": " + expected(range.getTargetType()) + (value.find() ? "，而非「" + value.group(1) + "」" : "")
                + "（超出范围）";
        }
        StreamConstraintsException limit = find(cause, StreamConstraintsException.class);
        if (limit != null) {
            return "JSON超出限制" + location(limit.getLocation()) + ": 嵌套过深，或数字、文本过长";
        }
        StreamReadException broken = find(cause, StreamReadException.class);
        if (broken != null) {
            return "JSON格式错误" + location(broken.getLocation()) + ": " + syntax(broken);
        }
        if (cause instanceof MismatchedInputException mismatch) {
            return field + ": " + expected(mismatch.getTargetType()) + given(mismatch);
        }
        if (cause instanceof JsonMappingException) {
            return field + ": 取值无效";
        }
        if (cause == null && e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
            return "请求体为空，应为JSON";
        }
        return "请求体不是有效的JSON";
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The field as the JSON names it: {@code categories[0].problems[1].seq}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "请求体" : path.toString();
    }

    /** What a field of this type takes, in words. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "类型不符";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
            || type == short.class || type == Short.class || type == byte.class || type == Byte.class
            || type == BigInteger.class) {
            return "应为整数";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
            || type == BigDecimal.class) {
            return "应为数字";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "应为 true 或 false";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "应为文本";
        }
        if (type == LocalDate.class) {
            return "应为日期（yyyy-MM-dd）";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "应为时间（ISO 8601，如 2026-03-02T09:00:00+08:00）";
        }
        if (type.isEnum()) {
            return "应为以下之一：" + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                .collect(Collectors.joining("、"));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "应为列表（[…]）";
        }
        return "应为对象（{…}）";
    }

    /** What was sent instead: the value when it is known, else its kind. */
    private static String given(MismatchedInputException e) {
        if (e instanceof InvalidFormatException format && format.getValue() != null) {
            String value = String.valueOf(format.getValue());
            return "，而非「" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "」";
        }
        JsonToken token = e.getProcessor() instanceof JsonParser parser ? parser.currentToken() : null;
        if (token == null) {
            return "";
        }
        return switch (token) {
            case START_OBJECT, END_OBJECT, FIELD_NAME -> "，而非对象";
            case START_ARRAY, END_ARRAY -> "，而非列表";
            case VALUE_STRING -> "，而非文本";
            case VALUE_NUMBER_INT -> "，而非整数";
            case VALUE_NUMBER_FLOAT -> "，而非小数";
            case VALUE_TRUE, VALUE_FALSE -> "，而非 true 或 false";
            default -> "";
        };
    }

    private static String location(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return "（第" + location.getLineNr() + "行第" + location.getColumnNr() + "列）";
    }

    /** Jackson's reason for a broken document, in words. */
    private static String syntax(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.contains("Invalid UTF-8")) {
            return "不是有效的UTF-8编码";
        }
        if (message.startsWith("Unexpected end-of-input")) {
            return "内容不完整，缺少结尾";
        }
        if (message.startsWith("Illegal unquoted character")) {
            return "文本中有未转义的控制字符";
        }
        if (message.startsWith("Unexpected close marker")) {
            return "括号不成对";
        }
        Matcher unexpected = UNEXPECTED_CHARACTER.matcher(message);
        if (unexpected.find()) {
            return "此处不应有字符「" + unexpected.group(1) + "」";
        }
        Matcher unrecognized = UNRECOGNIZED_TOKEN.matcher(message);
        if (unrecognized.find()) {
            return "无法识别的内容「" + unrecognized.group(1) + "」（文本须加双引号）";
        }
        return "语法错误";
    }
}
