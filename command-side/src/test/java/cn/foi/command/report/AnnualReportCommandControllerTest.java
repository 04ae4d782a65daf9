package cn.foi.command.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.foi.command.report.ReportCommands.Publication;
import cn.foi.command.report.ReportCommands.PublishAnnualReport;
import cn.foi.command.web.AnnualReportCommandController;
import cn.foi.command.web.AnnualReportCommandController.PublicationBody;
import cn.foi.command.web.AnnualReportCommandController.ReportBody;
import cn.foi.command.web.AnnualReportCommandController.Table2Body;
import cn.foi.events.access.Role;
import cn.foi.platform.security.FoiUser;
import cn.foi.platform.web.InvalidInputException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who may do what with a report, and how the body becomes a command; the rules themselves are the aggregate's. */
class AnnualReportCommandControllerTest {

    private final CommandGateway commands = mock(CommandGateway.class);
    private final AnnualReportCommandController controller = new AnnualReportCommandController(commands);

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aClerkEntersTable2OfTheirAgencyInTheYearsTemplate() {
        signIn(Role.CLERK, "xh");
        Map<String, Object> answer = controller.enterTable2("xh", 2020, new Table2Body(null, Map.of()));
        assertThat(answer).containsEntry("template", "2019").containsEntry("year", 2020);
        verify(commands).sendAndWait(new ReportCommands.EnterTable2Figures("xh", 2020, null, Map.of()));
    }

    @Test
    void nobodyEntersAnotherAgencysReport() {
        signIn(Role.SUPERVISOR, "hd");
        assertThatThrownBy(() -> controller.enterTable2("xh", 2025, new Table2Body(null, Map.of())))
                .isInstanceOf(AccessDeniedException.class).hasMessage("您只能编制本机关的年度报告");
        verifyNoInteractions(commands);
    }

    @Test
    void aClerkCannotPublish() {
        signIn(Role.CLERK, "xh");
        assertThatThrownBy(() -> controller.publish("xh", 2025, new PublicationBody(null, null, null)))
                .isInstanceOf(AccessDeniedException.class).hasMessage("只有本机关主管或管理员可以发布年度报告");
        verifyNoInteractions(commands);
    }

    @Test
    void aSupervisorPublishesAndIsToldTheVersionAndFingerprint() {
        signIn(Role.SUPERVISOR, "xh");
        when(commands.sendAndWait(any())).thenReturn(new Publication(1, "2021", "abc"));
        ReportBody report = new ReportBody(Map.of("R1", List.of(new BigDecimal("1"), new BigDecimal("2.0"))),
                Map.of(), "口径", null, null, null, null, null);

        var response = controller.publish("xh", 2025, new PublicationBody(null, report, "abc"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getBody()).containsEntry("version", 1).containsEntry("contentHash", "abc");
        assertThat(response.getHeaders().getLocation()).hasToString("/api/agencies/xh/reports/2025");
        ArgumentCaptor<PublishAnnualReport> sent = ArgumentCaptor.forClass(PublishAnnualReport.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().report().table3()).containsEntry("R1", List.of(1L, 2L));
        assertThat(sent.getValue().expectedHash()).isEqualTo("abc");
    }

    @Test
    void anAdministratorMayPublishForAnyAgency() {
        signIn(Role.ADMIN, null);
        when(commands.sendAndWait(any())).thenReturn(new Publication(2, "2021", "def"));
        var response = controller.republish("xh", 2025, new AnnualReportCommandController.RepublicationBody(
                null, null, null, "更正"));
        assertThat(response.getBody()).containsEntry("version", 2);
    }

    @Test
    void aFractionalCountIsRefusedNotTruncated() {
        signIn(Role.SUPERVISOR, "xh");
        ReportBody report = new ReportBody(Map.of("R2", List.of(new BigDecimal("1.5"))), Map.of(), "口径", null,
                null, null, null, null);
        assertThatThrownBy(() -> controller.publish("xh", 2025, new PublicationBody(null, report, null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("第 1 个数须为整数，现为 1.5")
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("report.table3.R2"));
        verifyNoInteractions(commands);
    }

    private static void signIn(Role role, String agency) {
        FoiUser user = new FoiUser("u", "", role, agency);
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
    }
}
