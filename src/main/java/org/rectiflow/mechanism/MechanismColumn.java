package org.rectiflow.mechanism;

/**
 * The fields of a mechanism as users name them: the report form's list columns, the import workbook's headers and
 * the errors ("制度机制第2条：请填写名称", "制度机制 第3行 名称: 请填写名称") all use these labels.
 */
public enum MechanismColumn {
    TITLE("名称", 200),
    DOC_NUMBER("文号", 100),
    ISSUER("发文机关", 200),
    ISSUED_ON("印发日期", 40),
    REVISION("新建或修订", 16),
    UNIT("单位", 200),
    MEASURES("对应整改措施", 2000);

    private final String label;
    private final int maxLength;

    MechanismColumn(String label, int maxLength) {
        this.label = label;
        this.maxLength = maxLength;
    }

    public String label() {
        return label;
    }

    public int maxLength() {
        return maxLength;
    }
}
