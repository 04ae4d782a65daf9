package cn.foi.command.agency;

import static org.hamcrest.Matchers.containsString;

import cn.foi.command.agency.AgencyCommands.ChangeNoticeSettings;
import cn.foi.command.shared.RuleViolation;
import cn.foi.events.agency.AgencyNoticeSettingsChanged;
import cn.foi.events.agency.AgencyRegistered;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What an agency's notices print: blank means not set (inherited), and a number pattern must keep numbers apart. */
class AgencyNoticeSettingsTest {

    private FixtureConfiguration<Agency> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agency.class);
        fixture.registerInjectableResource((AgencyDirectory) code -> false);
    }

    @Test
    void settingTheNamesOfTheRemedyAndLeavingTheRestToTheParent() {
        fixture.given(new AgencyRegistered("xh", "北京市西城区人民政府", null))
                .when(new ChangeNoticeSettings("xh", " 西城区 ", "", "北京市人民政府", "北京市第二中级人民法院"))
                .expectEvents(new AgencyNoticeSettingsChanged("xh", "西城区", null, "北京市人民政府",
                        "北京市第二中级人民法院"));
    }

    @Test
    void aPatternWithoutTheYearWouldRepeatNumbersAndIsRefused() {
        fixture.given(new AgencyRegistered("xh", "北京市西城区人民政府", null))
                .when(new ChangeNoticeSettings("xh", null, "{机关简称}依申公{类别}{序号}号", null, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("{年}"))
                .expectNoEvents();
    }

    @Test
    void aPatternWithoutTheKindsMarkWouldMixTheSeriesAndIsRefused() {
        fixture.given(new AgencyRegistered("xh", "北京市西城区人民政府", null))
                .when(new ChangeNoticeSettings("xh", null, "西政依申〔{年}〕{序号}号", null, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("{类别}"))
                .expectNoEvents();
    }
}
