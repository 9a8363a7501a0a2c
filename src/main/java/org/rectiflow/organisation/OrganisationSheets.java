package org.rectiflow.organisation;

import java.util.List;
import java.util.Map;

import org.rectiflow.inspection.RoundSheets.Column;
import org.rectiflow.inspection.RoundSheets.Type;

/**
 * The organisation workbook's layout, shared by its writer and its reader ({@link OrganisationWorkbook}): sheets
 * 角色组, 单位, 重点整改组 and 人员, each column with its header (row 1; the reader finds columns by it), the note the
 * header's comment shows, its width, and the field of {@code identity/Organisation} it fills (the path of the
 * organisation's errors, {@code units[2].parent}, names the field).
 */
final class OrganisationSheets {

    static final String ROLE_GROUP_SHEET = "角色组";
    static final String UNIT_SHEET = "单位";
    static final String KEY_GROUP_SHEET = "重点整改组";
    static final String PEOPLE_SHEET = "人员";
    static final List<String> SHEETS = List.of(ROLE_GROUP_SHEET, UNIT_SHEET, KEY_GROUP_SHEET, PEOPLE_SHEET);

    static final String YES = "是";
    static final String NO = "否";
    static final String LIAISON = "联络员";
    static final String HEAD = "负责人";

    static final String CODE = "编号";
    static final String NAME = "名称";
    static final String OVERSEES = "监督全部单位";
    static final String KIND = "类别";
    static final String PARENT = "上级单位";
    static final String RETIRED = "已撤销";
    static final String MERGED_INTO = "并入单位";
    static final String LEAD_UNIT = "牵头单位";
    static final String USER_ID = "用户名";
    static final String PERSON_NAME = "姓名";
    static final String TITLE = "职务";
    static final String UNIT = "所在单位";
    static final String ROLE = "单位角色";
    static final String GROUPS = "所属组";

    private OrganisationSheets() {
    }

    static final List<Column> ROLE_GROUP_COLUMNS = List.of(
        new Column(CODE, "必填。角色组编号，只能由英文字母和数字组成；office、leadinggroup、supervision、discipline、"
            + "normalmanagement 是流程图所用的角色组。", 18, Type.TEXT),
        new Column(NAME, "必填，至多100字。如：整改专班。", 20, Type.TEXT),
        new Column(OVERSEES, "是 或 否（新角色组留空为是）。是：组员可查看所有单位的整改情况。", 14, Type.TEXT, true));

    static final List<Column> UNIT_COLUMNS = List.of(
        new Column(CODE, "必填。单位编号，只能由英文字母和数字组成，如 siming；已有单位按编号更改。", 18, Type.TEXT),
        new Column(NAME, "新单位必填，至多100字。改名后历史措施仍属该单位，显示新名称。", 20, Type.TEXT),
        new Column(KIND, "选填，至多20字，如：机关部门、直属单位、下级党组织、乡镇（街道）。留空即无类别。", 14, Type.TEXT,
            true),
        new Column(PARENT, "选填。上级单位的编号或名称；不能是本单位、已撤销的单位，也不能形成循环。留空即无上级单位。", 16,
            Type.TEXT, true),
        new Column(RETIRED, "是 或 否（留空为否）。撤销前须先转办其未办结的措施；填「否」可恢复已撤销的单位。", 10,
            Type.TEXT, true),
        new Column(MERGED_INTO, "选填。并入的单位（编号或名称）：本单位未办结的措施转办至该单位，其牵头的重点整改组、人员和"
            + "下级单位一并移交，本单位随之撤销；历史措施仍属本单位。", 16, Type.TEXT, true));

    static final List<Column> KEY_GROUP_COLUMNS = List.of(
        new Column(CODE, "必填。重点整改组编号，只能由英文字母和数字组成，如 conduct。", 18, Type.TEXT),
        new Column(NAME, "新组必填，至多100字。如：作风转变。", 20, Type.TEXT),
        new Column(LEAD_UNIT, "新组必填。牵头单位的编号或名称，须是在用的单位。", 16, Type.TEXT));

    static final List<Column> PEOPLE_COLUMNS = List.of(
        new Column(USER_ID, "必填。用户须先在管理（Admin）中创建并设置密码，这里填其用户名。", 18, Type.TEXT),
        new Column(PERSON_NAME, "只读：管理（Admin）中的姓名，导入时不读取。", 12, Type.TEXT, true),
        new Column(TITLE, "选填，至多100字。如：副局长。", 14, Type.TEXT, true),
        new Column(UNIT, "选填。所在单位的编号或名称。", 16, Type.TEXT, true),
        new Column(ROLE, "选填。联络员 或 负责人（接收本单位的提醒）；须填所在单位。留空为单位普通成员。", 10, Type.TEXT,
            true),
        new Column(GROUPS, "选填。所属角色组和重点整改组的编号或名称，用顿号或逗号分隔；留空即不属于任何角色组和重点整改组。", 30,
            Type.TEXT, true));

    /** Each sheet's columns, by the list of {@code identity/Organisation} the sheet fills. */
    static final Map<String, List<Column>> COLUMNS = Map.of(ROLE_GROUP_SHEET, ROLE_GROUP_COLUMNS,
        UNIT_SHEET, UNIT_COLUMNS, KEY_GROUP_SHEET, KEY_GROUP_COLUMNS, PEOPLE_SHEET, PEOPLE_COLUMNS);

    /** The sheet of each list of {@code identity/Organisation}, by the list's name in an error's path. */
    static final Map<String, String> SHEET_OF_LIST = Map.of("roleGroups", ROLE_GROUP_SHEET, "units", UNIT_SHEET,
        "keyGroups", KEY_GROUP_SHEET, "people", PEOPLE_SHEET);

    /** The column of each field of {@code identity/Organisation}, by the sheet and the field's name in a path. */
    static final Map<String, Map<String, String>> COLUMN_OF_FIELD = Map.of(
        ROLE_GROUP_SHEET, Map.of("code", CODE, "name", NAME, "oversees", OVERSEES),
        UNIT_SHEET, Map.of("code", CODE, "name", NAME, "kind", KIND, "parent", PARENT, "retired", RETIRED,
            "mergedInto", MERGED_INTO),
        KEY_GROUP_SHEET, Map.of("code", CODE, "name", NAME, "leadUnit", LEAD_UNIT),
        PEOPLE_SHEET, Map.of("userId", USER_ID, "title", TITLE, "unit", UNIT, "role", ROLE, "groups", GROUPS));
}
