package cn.foi.query.report.documents;

import cn.foi.events.request.AppealResult;
import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.FeeMethod;
import cn.foi.events.request.FeeNoticeIssued;
import cn.foi.events.request.FeePaid;
import cn.foi.events.request.LawsuitFiled;
import cn.foi.events.request.Outcome;
import cn.foi.events.request.ReconsiderationDecided;
import cn.foi.events.request.ReconsiderationFiled;
import cn.foi.events.request.RequestDecided;
import cn.foi.query.report.AnnualReportView;
import cn.foi.query.report.ReportHistories;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reports the document tests render, built from constructed histories, with the numbers each cell must show worked
 * out by hand from the histories (not by the code under test). Today is 2026-03-15.
 */
final class ReportScenarios {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
    static final String AGENCY_2021 = "JIA";
    static final String NAME_2021 = "甲街道办事处";
    static final String AGENCY_2019 = "YI";
    static final String NAME_2019 = "乙镇人民政府";
    static final String AGENCY_EMPTY = "BING";
    static final String NAME_EMPTY = "丙街道办事处";
    static final String OVERVIEW = "2025年，本街道坚持以公开为常态、不公开为例外。\n全年主动公开政府信息120条。";
    static final String PROBLEMS = "信息发布的及时性有待提高。";
    static final String OTHER_MATTERS = "无其他需要报告的事项。";

    final ReportHistories histories;
    final AnnualReportView report2021;
    final AnnualReportView report2019;
    final AnnualReportView empty;

    ReportScenarios(String databaseName) {
        histories = new ReportHistories(databaseName, TODAY);
        histories.agency(AGENCY_2021, NAME_2021, null);
        histories.agency(AGENCY_2019, NAME_2019, null);
        histories.agency(AGENCY_EMPTY, NAME_EMPTY, null);
        history2021();
        history2019();
        report2021 = histories.report(AGENCY_2021, NAME_2021, 2025, null);
        report2019 = histories.report(AGENCY_2019, NAME_2019, 2020, null);
        empty = histories.report(AGENCY_EMPTY, NAME_EMPTY, 2025, null);
    }

    /**
     * 2025: one request per outcome received on 3 March, the n-th one from applicant category n mod 6; one carried in
     * from 2024 and answered 予以公开; one received on 29 December still open. One reconsideration upheld, one direct
     * lawsuit pending; 120.50 元 of fees paid.
     */
    private void history2021() {
        ApplicantCategory[] categories = ApplicantCategory.values();
        Outcome[] outcomes = Outcome.values();
        for (int n = 0; n < outcomes.length; n++) {
            String id = histories.receive(AGENCY_2021, categories[n % 6], LocalDate.of(2025, 3, 3));
            if (n == 2) {
                histories.deliver(id, new FeeNoticeIssued(id, LocalDate.of(2025, 3, 5), new BigDecimal("120.50"),
                        FeeMethod.PER_PAGE), new FeePaid(id, LocalDate.of(2025, 3, 10)));
            }
            histories.deliver(id, new RequestDecided(id, outcomes[n], LocalDate.of(2025, 3, 20), null, "原因"));
            if (n == 0) {
                histories.deliver(id, new ReconsiderationFiled(id, 1, LocalDate.of(2025, 4, 10)),
                        new ReconsiderationDecided(id, 1, AppealResult.UPHELD, LocalDate.of(2025, 6, 1)));
            }
            if (n == 1) {
                histories.deliver(id, new LawsuitFiled(id, 1, LocalDate.of(2025, 5, 6), false, 0));
            }
        }
        String carried = histories.receive(AGENCY_2021, ApplicantCategory.C1, LocalDate.of(2024, 12, 20));
        histories.deliver(carried, new RequestDecided(carried, Outcome.R3_1, LocalDate.of(2025, 1, 10), null, ""));
        histories.receive(AGENCY_2021, ApplicantCategory.C2, LocalDate.of(2025, 12, 29));

        Map<String, BigDecimal> figures = new LinkedHashMap<>();
        figures.put("RULES_ISSUED", BigDecimal.valueOf(2));
        figures.put("RULES_REPEALED", BigDecimal.ZERO);
        figures.put("RULES_IN_FORCE", BigDecimal.valueOf(15));
        figures.put("NORMATIVE_ISSUED", BigDecimal.valueOf(3));
        figures.put("NORMATIVE_REPEALED", BigDecimal.ONE);
        figures.put("NORMATIVE_IN_FORCE", BigDecimal.valueOf(12));
        figures.put("LICENSING_DECISIONS", BigDecimal.valueOf(356));
        figures.put("PENALTY_DECISIONS", BigDecimal.valueOf(8));
        figures.put("ENFORCEMENT_DECISIONS", BigDecimal.ZERO);
        figures.put("FEES_AMOUNT", new BigDecimal("1.2500"));
        histories.enterTable2(AGENCY_2021, 2025, "2021", figures);
        histories.enterTexts(AGENCY_2021, 2025, OVERVIEW, PROBLEMS, OTHER_MATTERS);
    }

    /** 2020, 2019 template: four requests answered, two of them 其他处理, one still open; Table 二 half entered. */
    private void history2019() {
        decided(AGENCY_2019, ApplicantCategory.C1, LocalDate.of(2020, 4, 1), Outcome.R3_1, LocalDate.of(2020, 4, 20));
        decided(AGENCY_2019, ApplicantCategory.C2, LocalDate.of(2020, 5, 6), Outcome.R3_6_1, LocalDate.of(2020, 6, 1));
        decided(AGENCY_2019, ApplicantCategory.C2, LocalDate.of(2020, 5, 6), Outcome.R3_6_3, LocalDate.of(2020, 5, 8));
        decided(AGENCY_2019, ApplicantCategory.C3, LocalDate.of(2020, 7, 1), Outcome.R3_3_3, LocalDate.of(2020, 7, 15));
        histories.receive(AGENCY_2019, ApplicantCategory.C1, LocalDate.of(2020, 12, 30));

        Map<String, BigDecimal> figures = new LinkedHashMap<>();
        figures.put("RULES_MADE", BigDecimal.ONE);
        figures.put("RULES_PUBLISHED", BigDecimal.ONE);
        figures.put("RULES_TOTAL", BigDecimal.valueOf(9));
        figures.put("LICENSING_CHANGE", BigDecimal.valueOf(-2));
        figures.put("OTHER_SERVICES_CHANGE", BigDecimal.valueOf(3));
        figures.put("PROCUREMENT_AMOUNT", new BigDecimal("1400.50"));
        histories.enterTable2(AGENCY_2019, 2020, "2019", figures);
    }

    private void decided(String agency, ApplicantCategory category, LocalDate received, Outcome outcome,
                         LocalDate decided) {
        String id = histories.receive(agency, category, received);
        histories.deliver(id, new RequestDecided(id, outcome, decided, null, ""));
    }

    /** Table 三 of 2025 as worked out from the history above. */
    static List<Long> table3Of2021(String row) {
        return switch (row) {
            case "R1" -> List.of(4L, 5L, 4L, 3L, 3L, 3L, 22L);
            case "R2" -> List.of(1L, 0L, 0L, 0L, 0L, 0L, 1L);
            case "R3_1" -> List.of(2L, 0L, 0L, 0L, 0L, 0L, 2L);
            case "R3_7" -> List.of(5L, 4L, 4L, 3L, 3L, 3L, 22L);
            case "R4" -> List.of(0L, 1L, 0L, 0L, 0L, 0L, 1L);
            default -> {
                int n = Outcome.valueOf(row).ordinal();
                Long[] counts = new Long[7];
                Arrays.fill(counts, 0L);
                counts[n % 6] = 1L;
                counts[6] = 1L;
                yield List.of(counts);
            }
        };
    }

    static List<Long> table3Of2019(String row) {
        return switch (row) {
            case "R1" -> List.of(2L, 2L, 1L, 0L, 0L, 0L, 5L);
            case "R3_1" -> List.of(1L, 0L, 0L, 0L, 0L, 0L, 1L);
            case "R3_3_3" -> List.of(0L, 0L, 1L, 0L, 0L, 0L, 1L);
            case "R3_6" -> List.of(0L, 2L, 0L, 0L, 0L, 0L, 2L);
            case "R3_7" -> List.of(1L, 2L, 1L, 0L, 0L, 0L, 4L);
            case "R4" -> List.of(1L, 0L, 0L, 0L, 0L, 0L, 1L);
            default -> List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L);
        };
    }

    static List<Long> zeros(String row) {
        return List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L);
    }

    /** Table 四 of 2025: one reconsideration upheld, one direct lawsuit pending. */
    static final List<Long> TABLE4_OF_2021 = List.of(1L, 0L, 0L, 0L, 1L, 0L, 0L, 0L, 1L, 1L, 0L, 0L, 0L, 0L, 0L);
    static final List<Long> TABLE4_ZEROS = new ArrayList<>(java.util.Collections.nCopies(15, 0L));
}
