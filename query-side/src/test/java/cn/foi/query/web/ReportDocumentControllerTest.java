package cn.foi.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.foi.events.access.Role;
import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.Outcome;
import cn.foi.events.request.RequestDecided;
import cn.foi.platform.security.FoiUser;
import cn.foi.platform.web.ApiProblemHandler;
import cn.foi.query.TestFixtures;
import cn.foi.query.report.ReportHistories;
import cn.foi.query.report.documents.DocxReportRenderer;
import cn.foi.query.report.documents.HtmlReportRenderer;
import cn.foi.query.report.documents.XlsxReportRenderer;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The report documents over HTTP, beside the report as JSON: content types, Chinese file names, the same access rules,
 * and published versions rendered as they were frozen. Today is 2026-03-15.
 */
class ReportDocumentControllerTest {

    private static final String TITLE = "甲街道办事处2025年度政府信息公开工作年度报告";

    private static ReportHistories histories;
    private static MockMvc http;

    @BeforeAll
    static void setUp() {
        histories = new ReportHistories("report_document_controller_test", LocalDate.of(2026, 3, 15));
        histories.agency("DIST", "某区人民政府", null);
        histories.agency("JIA", "甲街道办事处", "DIST");
        histories.agency("YI", "乙街道办事处", "DIST");
        String answered = histories.receive("JIA", ApplicantCategory.C1, LocalDate.of(2025, 3, 3));
        histories.deliver(answered, new RequestDecided(answered, Outcome.R3_1, LocalDate.of(2025, 3, 10), null, ""));
        histories.publish("JIA", "甲街道办事处", 2025, 1, null);
        // Entered after publication: the current report counts it, version 1 never will.
        histories.receive("JIA", ApplicantCategory.C2, LocalDate.of(2025, 11, 3));

        ReportAccess access = new ReportAccess(histories.reports(), histories.directory(),
                new ReadAccess(histories.directory()), TestFixtures.clockOn(LocalDate.of(2026, 3, 15)));
        http = MockMvcBuilders.standaloneSetup(
                        new ReportQueryController(histories.statistics(), histories.reports(), histories.directory(),
                                access),
                        new ReportDocumentController(access, new HtmlReportRenderer(), new XlsxReportRenderer(),
                                new DocxReportRenderer()))
                .setControllerAdvice(new ApiProblemHandler())
                .setMessageConverters(new ByteArrayHttpMessageConverter(), new MappingJackson2HttpMessageConverter(
                        Jackson2ObjectMapperBuilder.json().featuresToDisable(
                                SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build()))
                .build();
    }

    @AfterAll
    static void tearDown() {
        histories.destroy();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void signIn(Role role, String agencyCode) {
        FoiUser user = new FoiUser("user", "", role, agencyCode);
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
    }

    /**
     * A download under the Chinese name as RFC 6266 {@code filename*}, behind the encoded {@code filename} Spring
     * writes for older clients.
     */
    private static Matcher<String> downloadNamed(String name) {
        return allOf(startsWith("attachment; "), endsWith("; filename*=UTF-8''" + encoded(name)));
    }

    private static String encoded(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void aClerkDownloadsTheReportAsXlsxAndDocxNamedByItsTitle() throws Exception {
        signIn(Role.CLERK, "JIA");

        MockHttpServletResponse xlsx = http.perform(get("/api/agencies/JIA/reports/2025.xlsx"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andExpect(header().string("Content-Disposition", downloadNamed(TITLE + ".xlsx")))
                .andReturn().getResponse();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            assertThat(workbook.getSheet("年度报告").getRow(0).getCell(0).getStringCellValue()).isEqualTo(TITLE);
        }

        MockHttpServletResponse docx = http.perform(get("/api/agencies/JIA/reports/2025.docx"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .andExpect(header().string("Content-Disposition", downloadNamed(TITLE + ".docx")))
                .andReturn().getResponse();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx.getContentAsByteArray()))) {
            assertThat(document.getParagraphs().get(0).getText()).isEqualTo(TITLE);
            assertThat(document.getTables()).as("表二, 表三, 表四 and nothing else").hasSize(3);
        }
    }

    @Test
    void theCheckSheetIsDownloadedApartFromTheReportInEachFormat() throws Exception {
        signIn(Role.CLERK, "JIA");

        MockHttpServletResponse xlsx = http.perform(get("/api/agencies/JIA/reports/2025/checks.xlsx"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", downloadNamed(TITLE + "校验单.xlsx")))
                .andReturn().getResponse();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
            assertThat(workbook.getSheet("校验单").getRow(0).getCell(0).getStringCellValue()).isEqualTo(TITLE + "校验单");
            assertThat(workbook.getName("checks")).isNotNull();
            assertThat(workbook.getName("table3")).isNull();
        }

        MockHttpServletResponse docx = http.perform(get("/api/agencies/JIA/reports/2025/checks.docx"))
                .andExpect(status().isOk()).andReturn().getResponse();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx.getContentAsByteArray()))) {
            assertThat(document.getParagraphs().get(0).getText()).isEqualTo(TITLE + "校验单");
            assertThat(document.getParagraphs().stream().map(p -> p.getText()))
                    .contains("二、数据校验结果", "三、办理情况分析（模板以外）");
        }

        MockHttpServletResponse html = http.perform(get("/api/agencies/JIA/reports/2025/checks.html"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", ReportDocumentController.HTML_POLICY))
                .andReturn().getResponse();
        Document page = Jsoup.parse(html.getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.getElementById("checks")).isNotNull();
        assertThat(page.getElementById("annex-summary")).isNotNull();
        assertThat(page.getElementById("table3")).isNull();
        assertThat(page.select(".notes p").eachText()).contains("与已发布的第 1 版相比有 4 处变动，尚未更正发布。");
    }

    @Test
    void theHtmlIsShownInlineAndMayLoadOrRunNothing() throws Exception {
        signIn(Role.CLERK, "JIA");

        MockHttpServletResponse response = http.perform(get("/api/agencies/JIA/reports/2025.html"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/html;charset=UTF-8"))
                .andExpect(header().string("Content-Security-Policy", ReportDocumentController.HTML_POLICY))
                .andReturn().getResponse();
        assertThat(response.getHeader("Content-Disposition")).startsWith("inline; ");
        Document html = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(html.select("h1").text()).isEqualTo(TITLE);
        assertThat(html.getElementById("table3")).isNotNull();
        // The printed report is what is published: no annex, checks or status line; they are in the 校验单.
        assertThat(html.getElementById("annex-summary")).isNull();
        assertThat(html.getElementById("checks")).isNull();
        assertThat(html.select(".notes p")).isEmpty();
    }

    @Test
    void theJsonReportIsStillServedBesideTheDocuments() throws Exception {
        signIn(Role.CLERK, "JIA");

        http.perform(get("/api/agencies/JIA/reports/2025"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.template").value("2021"))
                .andExpect(jsonPath("$.table3.R1[6]").value(2));
    }

    @Test
    void aPublishedVersionIsRenderedAsItWasFrozen() throws Exception {
        signIn(Role.CLERK, "JIA");

        MockHttpServletResponse response = http.perform(get("/api/agencies/JIA/reports/2025.html")
                        .param("version", "1"))
                .andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(response.getHeader("Content-Disposition"))
                .endsWith("filename*=UTF-8''" + encoded(TITLE + "（第1版）.html"));
        Document html = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
        // 一、本年新收 of version 1: one request, the one entered later is not in it.
        assertThat(html.select("#table3 tr").get(3).select("td").eachText())
                .containsExactly("一、本年新收政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1");
        MockHttpServletResponse checks = http.perform(get("/api/agencies/JIA/reports/2025/checks.html")
                        .param("version", "1"))
                .andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(checks.getHeader("Content-Disposition"))
                .endsWith("filename*=UTF-8''" + encoded(TITLE + "校验单（第1版）.html"));
        Document checkSheet = Jsoup.parse(checks.getContentAsString(StandardCharsets.UTF_8));
        assertThat(checkSheet.select(".notes p").eachText()).contains("已发布的第 1 版，发布于 2026-01-20。");
        assertThat(checkSheet.select("#checks td.passed")).hasSize(4);
        assertThat(checkSheet.getElementById("annex-summary")).as("a published version has no annex").isNull();

        http.perform(get("/api/agencies/JIA/reports/2025.xlsx").param("version", "1"))
                .andExpect(status().isOk());
    }

    @Test
    void aVersionThatWasNeverPublishedIsNotFoundInWordsAClerkUnderstands() throws Exception {
        signIn(Role.CLERK, "JIA");

        http.perform(get("/api/agencies/JIA/reports/2025.docx").param("version", "7"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("甲街道办事处2025年度报告没有第 7 版已发布版本"));
    }

    @Test
    void theDocumentsFollowTheAccessRulesOfTheReport() throws Exception {
        signIn(Role.CLERK, "YI");
        http.perform(get("/api/agencies/JIA/reports/2025.xlsx")).andExpect(status().isForbidden());
        http.perform(get("/api/agencies/JIA/reports/2025/checks.xlsx")).andExpect(status().isForbidden());
        http.perform(get("/api/agencies/DIST/reports/2025.html").param("includeSubordinates", "true"))
                .andExpect(status().isForbidden());

        signIn(Role.SUPERVISOR, "DIST");
        MockHttpServletResponse rollUp = http.perform(get("/api/agencies/DIST/reports/2025/checks.html")
                        .param("includeSubordinates", "true"))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(Jsoup.parse(rollUp.getContentAsString(StandardCharsets.UTF_8)).select(".notes p").eachText())
                .contains("汇总报告：本机关及下级机关共 3 个机关合并统计，不单独发布。");
        http.perform(get("/api/agencies/DIST/reports/2025.docx").param("includeSubordinates", "true")
                        .param("version", "1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("version"));
        http.perform(get("/api/agencies/JIA/reports/1999.xlsx"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("year"));
        http.perform(get("/api/agencies/JIA/reports/1999/checks.docx"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("year"));
        http.perform(get("/api/agencies/JIA/reports/2025.xlsx").param("version", "1").param("template", "2019"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("template"));
    }

    @Test
    void theOtherTemplateCanBeAskedForAsInTheJson() throws Exception {
        signIn(Role.CLERK, "JIA");

        MockHttpServletResponse response = http.perform(get("/api/agencies/JIA/reports/2025.html")
                        .param("template", "2019"))
                .andExpect(status().isOk()).andReturn().getResponse();
        Document html = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(html.select("#table3 td").eachText()).contains("（六）其他处理")
                .doesNotContain("3.其他");
    }
}
