package cn.foi.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.events.access.Role;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who may enter and publish an agency's annual report: each role, on its own agency's report and on one under it. */
class ReportPermissionsTest {

    @ParameterizedTest(name = "{0} of {1} on {2}''s report: {3}")
    @CsvSource({
            "ADMIN,      ,         DISTRICT, ENTER PUBLISH",
            "ADMIN,      ,         STREET,   ENTER PUBLISH",
            "SUPERVISOR, DISTRICT, DISTRICT, ENTER PUBLISH",
            "SUPERVISOR, DISTRICT, STREET,   ''",
            "CLERK,      DISTRICT, DISTRICT, ENTER",
            "CLERK,      DISTRICT, STREET,   ''",
            "SUPERVISOR, STREET,   STREET,   ENTER PUBLISH",
            "CLERK,      STREET,   STREET,   ENTER"
    })
    void eachRoleMayDoWithTheReportWhatTheRuleSays(Role role, String ownAgency, String report, String expected) {
        FoiUser user = new FoiUser("someone", "hash", role, ownAgency);

        List<String> allowed = ReportPermissions.allowed(user, report, false);

        assertThat(String.join(" ", allowed)).isEqualTo(expected);
        assertThat(ReportPermissions.mayEnter(user, report)).isEqualTo(allowed.contains(ReportPermissions.ENTER));
        assertThat(ReportPermissions.mayPublish(user, report)).isEqualTo(allowed.contains(ReportPermissions.PUBLISH));
    }

    @ParameterizedTest(name = "{0}: a roll-up allows nothing")
    @CsvSource({"ADMIN,", "SUPERVISOR,DISTRICT"})
    void aRollUpIsForReadingOnly(Role role, String ownAgency) {
        assertThat(ReportPermissions.allowed(new FoiUser("someone", "hash", role, ownAgency), "DISTRICT", true))
                .isEmpty();
    }
}
