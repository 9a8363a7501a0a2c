package org.rectiflow.inspection;

import java.util.List;

import org.rectiflow.measure.MeasureKind;

/**
 * The import workbook's layout, shared by its template ({@link RoundWorkbookTemplate}) and its reader
 * ({@link RoundWorkbookReader}): sheets 巡察轮次 (one row), 问题 (categories and problems), 整改措施 (measures) and
 * 新增单位 (optional), each column with its header, the note the template shows on it, its width and its type.
 * The header is row 1; the reader finds columns by their header.
 */
public final class RoundSheets {

    public static final String ROUND_SHEET = "巡察轮次";
    public static final String PROBLEM_SHEET = "问题";
    public static final String MEASURE_SHEET = "整改措施";
    public static final String NEW_UNIT_SHEET = "新增单位";
    public static final String LIST_SHEET = "单位列表";

    static final String HISTORICAL = "历史记录";
    static final String YES = "是";
    static final String NO = "否";
    static final String KINDS = MeasureKind.IMMEDIATE.label() + "," + MeasureKind.LONG_TERM.label();

    private RoundSheets() {
    }

    /** A column's type: its cell format in a template. */
    public enum Type { TEXT, INTEGER, DATE }

    /**
     * A column: its header, the note on it, its width in characters and its type; an optional column may be
     * missing from a file (workbooks made from an older template).
     */
    public record Column(String header, String note, int width, Type type, boolean optional) {
        public Column(String header, String note, int width, Type type) {
            this(header, note, width, type, false);
        }
    }

    static final List<Column> ROUND_COLUMNS = List.of(
        new Column("轮次编号", "必填。本轮巡察整改的编号：1至40位字母、数字或连字符，如 XC2024XMGA。已登记的编号不能再次导入。",
            16, Type.TEXT),
        new Column("名称", "必填，至多200字。如：市委第一巡察组巡察市公安局党委反馈问题整改。", 40, Type.TEXT),
        new Column("巡察组", "必填，至多100字。如：市委第一巡察组。", 20, Type.TEXT),
        new Column("被巡察单位", "必填，至多200字。如：中共厦门市公安局委员会。", 28, Type.TEXT),
        new Column("简称", "选填，至多100字。如：市公安局党委。", 16, Type.TEXT),
        new Column("巡察开始", "选填。日期（日期单元格或 yyyy-MM-dd 文本）。", 14, Type.DATE),
        new Column("巡察结束", "选填。日期（日期单元格或 yyyy-MM-dd 文本），不早于巡察开始。", 14, Type.DATE),
        new Column("反馈日期", "必填。巡察组反馈问题的日期（日期单元格或 yyyy-MM-dd 文本）；各措施的完成时限不得早于它。",
            14, Type.DATE),
        new Column(HISTORICAL, "选填，是 或 否（留空为否）。填「是」表示补录已经过去的巡察整改，作为历史记录：完成时限可以早于今天"
            + "（仍不得早于反馈日期），已过的日期不再提醒。正常登记请留空。", 10, Type.TEXT, true));

    static final List<Column> PROBLEM_COLUMNS = List.of(
        new Column("方面序号", "必填。问题所属方面的序号（1、2、3……）；同一方面的问题填同一序号。", 10, Type.INTEGER),
        new Column("方面", "同一方面序号第一次出现时必填，至多500字；其后可留空，填写则须相同。", 30, Type.TEXT),
        new Column("问题序号", "必填。问题的序号（1、2、3……，不限两位数），全轮次不得重复；措施编号由它而来，"
            + "按本轮最大序号的位数补零，如 XC2024-012-01，文本排序即序号顺序。", 10, Type.INTEGER),
        new Column("问题", "必填，至多500字。反馈的问题。", 50, Type.TEXT),
        new Column("重点整改组", "必填。从下拉列表选择重点整改组（也可填其编号，如 conduct）；由其牵头单位审核该问题的措施。",
            14, Type.TEXT));

    static final List<Column> MEASURE_COLUMNS = List.of(
        new Column("问题序号", "必填。措施所属问题的序号，须是「问题」表中的一个问题序号。", 10, Type.INTEGER),
        new Column("措施序号", "必填。措施在该问题下的序号（1、2、3……），同一问题内不得重复；措施按此序号排列，"
            + "依次编号。", 10, Type.INTEGER),
        new Column("整改措施", "必填，至多2000字。", 60, Type.TEXT),
        new Column("责任单位", "必填。从下拉列表选择单位（也可填单位编号，如 siming）。", 16, Type.TEXT),
        new Column("责任领导", "必填。分管领导的用户编号（如 chief）或姓名。", 12, Type.TEXT),
        new Column("完成时限", "必填。日期（日期单元格或 yyyy-MM-dd 文本），不得早于反馈日期，也不得早于今天。", 14, Type.DATE),
        new Column("类型", "必填。当下改 或 长久立（只有长久立的措施可转常态）。", 10, Type.TEXT));

    static final List<Column> NEW_UNIT_COLUMNS = List.of(
        new Column("单位编号", "选填的表：本轮新设的责任单位，随轮次一并创建（轮次未登记成功则不创建任何单位）。"
            + "编号必填，1至64位英文字母和数字，不得与已有单位、重点整改组或角色组重复，如 newStation；"
            + "「整改措施」表的责任单位可填它的编号或名称。已存在的单位（编号和名称一致）可留在表中。", 16, Type.TEXT),
        new Column("单位名称", "必填，单位的全称，至多100字。", 24, Type.TEXT));

    /** The index of a column in its sheet's list. */
    static int column(List<Column> columns, String header) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).header().equals(header)) {
                return c;
            }
        }
        throw new IllegalArgumentException(header);
    }
}
