package org.rectiflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.rectiflow.support.RoundWorkbookFiles.set;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rectiflow.common.EngineClock;
import org.rectiflow.identity.OrganisationRepository;
import org.rectiflow.measure.MeasureKind;
import org.rectiflow.support.RoundWorkbookFiles;

/**
 * The workbook reader without Spring or a database: it parses the sheets into a registration, and tells the
 * round's rules ({@link RoundRules}) at the sheet, row and column each path was read from, once a cell.
 */
class RoundWorkbookReaderTest {

    /** The organisation of the demo file, as far as the valid workbook names it. */
    private static final OrganisationRepository ORGANISATION = new OrganisationRepository(null) {
        @Override
        public List<Unit> units() {
            return List.of(new Unit("siming", "思明分局"), new Unit("haicang", "海沧分局"));
        }

        @Override
        public Optional<Unit> unit(String code) {
            return units().stream().filter(u -> u.code().equals(code)).findFirst();
        }

        @Override
        public List<KeyGroup> keyGroups() {
            return List.of(new KeyGroup("conduct", "作风转变", "siming"));
        }

        @Override
        public Optional<KeyGroup> keyGroup(String code) {
            return keyGroups().stream().filter(g -> g.code().equals(code)).findFirst();
        }

        @Override
        public Optional<Person> person(String userId) {
            return "chief".equals(userId) ? Optional.of(new Person("chief", "林志强", "局长", null)) : Optional.empty();
        }

        @Override
        public List<String> userIdsNamed(String displayName) {
            return "林志强".equals(displayName) ? List.of("chief") : List.of();
        }
    };

    private static final EngineClock CLOCK = new EngineClock("Asia/Shanghai", "18:00");
    private static final RoundWorkbookReader READER = new RoundWorkbookReader(ORGANISATION,
        code -> ORGANISATION.unit(code).isPresent() || ORGANISATION.keyGroup(code).isPresent() || "office".equals(code), CLOCK,
        new RoundImportProperties(null, null, null, null, null));

    private static byte[] template;

    @BeforeAll
    static void writeTheTemplate() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RoundWorkbookTemplate(ORGANISATION, new RoundImportProperties(null, null, null, null, null)).writeTemplate(out);
        template = out.toByteArray();
    }

    private static byte[] validWith(Consumer<XSSFWorkbook> change) throws Exception {
        try (XSSFWorkbook workbook = RoundWorkbookFiles.validWorkbook(template, "XC2026-R", CLOCK.today())) {
            change.accept(workbook);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static List<String> errors(Consumer<XSSFWorkbook> change) throws Exception {
        byte[] file = validWith(change);
        WorkbookException refused = catchThrowableOfType(() -> READER.read(new ByteArrayInputStream(file)),
            WorkbookException.class);
        assertThat(refused).as("refused").isNotNull();
        return refused.errors();
    }

    @Test
    void theValidWorkbookIsReadIntoItsRegistrationWithNamesResolvedToCodes() throws Exception {
        LocalDate today = CLOCK.today();

        RoundRegistration round = READER.read(new ByteArrayInputStream(validWith(w -> { })));

        assertThat(round.code()).isEqualTo("XC2026-R");
        assertThat(round.registeredOn()).isNull();
        assertThat(round.categories()).extracting(RoundRegistration.Category::seq).containsExactly(1, 2);
        RoundRegistration.Problem first = round.categories().get(0).problems().get(0);
        assertThat(first.keyGroup()).isEqualTo("conduct");
        assertThat(first.measures()).containsExactly(
            new RoundRegistration.Measure("措施一之一：开展专题学习", "siming", "chief", today.plusDays(30),
                MeasureKind.IMMEDIATE),
            new RoundRegistration.Measure("措施一之二：建立长效学习机制", "haicang", "chief", today.plusDays(60),
                MeasureKind.LONG_TERM));
    }

    @Test
    void aRulesViolationIsToldAtTheCellItsPathWasReadFrom() throws Exception {
        LocalDate today = CLOCK.today();

        assertThat(errors(w -> {
            set(w, "巡察轮次", 2, "巡察开始", today.minusDays(5));
            set(w, "巡察轮次", 2, "巡察结束", today.minusDays(9));
            set(w, "问题", 3, "方面", "方".repeat(501));
            set(w, "整改措施", 4, "责任领导", "无名氏");
        })).containsExactly(
            "巡察轮次 第2行 巡察结束: " + today.minusDays(9) + " 早于巡察开始 " + today.minusDays(5),
            "问题 第3行 方面: 至多500字，此处501字",
            "整改措施 第4行 责任领导: 未知责任领导「无名氏」（填用户编号或姓名）");
    }

    @Test
    void aCellIsToldOnceEvenWhenItBreaksMoreThanOneRule() throws Exception {
        assertThat(errors(w -> {
            set(w, "问题", 3, "问题序号", 0); // out of range, and problem 0 has no measures
            set(w, "整改措施", 4, "问题序号", 1);
            set(w, "整改措施", 4, "措施序号", 3);
            w.getSheet("整改措施").getRow(1).getCell(2).setCellFormula("\"开展\"&\"学习\""); // no content either
        })).containsExactly(
            "问题 第3行 问题序号: 应在1至5000之间，而非 0",
            "整改措施 第2行 整改措施: 公式单元格不允许（=\"开展\"&\"学习\"），请填写值");
    }

    @Test
    void aMissingRoundRowIsToldOnceNotFieldByField() throws Exception {
        assertThat(errors(w -> {
            for (String column : List.of("轮次编号", "名称", "巡察组", "被巡察单位", "简称", "巡察开始", "巡察结束", "反馈日期")) {
                set(w, "巡察轮次", 2, column, null);
            }
        })).containsExactly("巡察轮次 第2行: 缺少轮次信息");
    }

    @Test
    void anEmptyProblemSheetIsToldAsTheRoundWithoutProblems() throws Exception {
        assertThat(errors(w -> {
            w.removeSheetAt(w.getSheetIndex("问题"));
            w.createSheet("问题").createRow(0);
            for (String header : List.of("方面序号", "方面", "问题序号", "问题", "重点整改组")) {
                var row = w.getSheet("问题").getRow(0);
                row.createCell(row.getPhysicalNumberOfCells()).setCellValue(header);
            }
        })).containsExactly(
            "问题 第2行: 至少要有一个问题",
            "整改措施 第2行 问题序号: 问题序号 1 在「问题」表中不存在",
            "整改措施 第3行 问题序号: 问题序号 1 在「问题」表中不存在",
            "整改措施 第4行 问题序号: 问题序号 2 在「问题」表中不存在");
    }
}
