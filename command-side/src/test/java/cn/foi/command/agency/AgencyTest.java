package cn.foi.command.agency;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;

import cn.foi.command.agency.AgencyCommands.AdjustAgency;
import cn.foi.command.agency.AgencyCommands.RegisterAgency;
import cn.foi.command.shared.RuleViolation;
import cn.foi.command.shared.RuleViolation.Kind;
import cn.foi.events.agency.AgencyMoved;
import cn.foi.events.agency.AgencyRegistered;
import cn.foi.events.agency.AgencyRenamed;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AgencyTest {

    private final Set<String> existing = new HashSet<>(Set.of("xh", "xh-fgw"));
    private FixtureConfiguration<Agency> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agency.class);
        fixture.registerInjectableResource((AgencyDirectory) existing::contains);
        // xh-jd-1 under xh-jd under xh: the tree the move tests stand on.
        fixture.registerInjectableResource((AgencyTree) code -> switch (code) {
            case "xh-jd-1" -> List.of("xh-jd-1", "xh-jd", "xh");
            case "xh-jd" -> List.of("xh-jd", "xh");
            default -> List.of(code);
        });
        existing.addAll(Set.of("xh-jd", "xh-jd-1", "dc"));
    }

    @Test
    void renamingAnAgencyRecordsItsNewName() {
        fixture.given(new AgencyRegistered("xh-jd", "西长安街街道办事处", "xh"))
                .when(new AdjustAgency("xh-jd", " 西长安街街道 ", false, null))
                .expectEvents(new AgencyRenamed("xh-jd", "西长安街街道"));
    }

    @Test
    void renamingToTheSameNameIsRefused() {
        fixture.given(new AgencyRegistered("xh-jd", "西长安街街道办事处", "xh"))
                .when(new AdjustAgency("xh-jd", "西长安街街道办事处", false, null))
                .expectException(violation(Kind.INVALID, "AGENCY_NAME_UNCHANGED"))
                .expectNoEvents();
    }

    @Test
    void aBlankNameIsRefused() {
        fixture.given(new AgencyRegistered("xh-jd", "西长安街街道办事处", "xh"))
                .when(new AdjustAgency("xh-jd", "  ", false, null))
                .expectException(violation(Kind.INVALID, "AGENCY_NAME_REQUIRED"))
                .expectNoEvents();
    }

    @Test
    void movingAnAgencyUnderAnotherParent() {
        fixture.given(new AgencyRegistered("xh-jd", "西长安街街道办事处", "xh"))
                .when(new AdjustAgency("xh-jd", null, true, "dc"))
                .expectEvents(new AgencyMoved("xh-jd", "dc"));
    }

    @Test
    void aBlankParentMovesTheAgencyToTheTop() {
        fixture.given(new AgencyRegistered("xh-jd", "西长安街街道办事处", "xh"))
                .when(new AdjustAgency("xh-jd", null, true, ""))
                .expectEvents(new AgencyMoved("xh-jd", null));
    }

    @Test
    void renamingAndMovingAtOnceRecordsBoth() {
        fixture.given(new AgencyRegistered("xh-jd", "西长安街街道办事处", "xh"))
                .when(new AdjustAgency("xh-jd", "西长安街街道", true, "dc"))
                .expectEvents(new AgencyRenamed("xh-jd", "西长安街街道"), new AgencyMoved("xh-jd", "dc"));
    }

    @Test
    void movingUnderOneOfItsOwnSubordinatesIsRefusedAsACycle() {
        fixture.given(new AgencyRegistered("xh", "西城区人民政府", null))
                .when(new AdjustAgency("xh", null, true, "xh-jd-1"))
                .expectException(violation(Kind.INVALID, "AGENCY_CYCLE"))
                .expectNoEvents();
    }

    @Test
    void movingUnderItselfIsRefusedAsACycle() {
        fixture.given(new AgencyRegistered("xh-jd", "西长安街街道办事处", "xh"))
                .when(new AdjustAgency("xh-jd", null, true, "xh-jd"))
                .expectException(violation(Kind.INVALID, "AGENCY_CYCLE"))
                .expectNoEvents();
    }

    @Test
    void aRenameIsNotRecordedWhenTheMoveWithItIsRefused() {
        fixture.given(new AgencyRegistered("xh-jd", "西长安街街道办事处", "xh"))
                .when(new AdjustAgency("xh-jd", "西长安街街道", true, "no-such"))
                .expectException(violation(Kind.INVALID, "PARENT_UNKNOWN"))
                .expectNoEvents();
    }

    @Test
    void movingUnderTheParentItAlreadyHasIsRefused() {
        fixture.given(new AgencyRegistered("xh-jd", "西长安街街道办事处", "xh"))
                .when(new AdjustAgency("xh-jd", null, true, "xh"))
                .expectException(violation(Kind.INVALID, "AGENCY_PARENT_UNCHANGED"))
                .expectNoEvents();
    }

    @Test
    void registeringATopLevelAgency() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAgency("bj-xc", "  北京市西城区人民政府 ", null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AgencyRegistered("bj-xc", "北京市西城区人民政府", null));
    }

    @Test
    void registeringAnAgencyUnderItsParent() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAgency("xh.tqjd_01", "天桥街道办事处", "xh"))
                .expectEvents(new AgencyRegistered("xh.tqjd_01", "天桥街道办事处", "xh"));
    }

    @Test
    void aBlankParentCodeMeansNoParent() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAgency("bj-dc", "北京市东城区人民政府", "  "))
                .expectEvents(new AgencyRegistered("bj-dc", "北京市东城区人民政府", null));
    }

    @Test
    void cannotRegisterACodeWithCharactersOutsideTheAllowedSet() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAgency("西城区/财政局", "西城区财政局", "xh"))
                .expectException(violation(Kind.INVALID, "AGENCY_CODE_FORMAT"))
                .expectExceptionMessage(containsString("机关编码须为 1 至 64 位字母、数字、点、短横线或下划线"))
                .expectNoEvents();
    }

    @Test
    void cannotRegisterACodeStartingWithADash() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAgency("-xh", "西城区", null))
                .expectException(violation(Kind.INVALID, "AGENCY_CODE_FORMAT"))
                .expectExceptionMessage(containsString("以字母或数字开头"))
                .expectNoEvents();
    }

    @Test
    void cannotRegisterACodeLongerThanSixtyFourCharacters() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAgency("a".repeat(65), "西城区", null))
                .expectException(violation(Kind.INVALID, "AGENCY_CODE_FORMAT"))
                .expectNoEvents();
    }

    @Test
    void cannotRegisterAnAgencyWithoutAName() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAgency("xh-czj", "   ", "xh"))
                .expectException(violation(Kind.INVALID, "AGENCY_NAME_REQUIRED"))
                .expectExceptionMessage(containsString("请填写机关名称"))
                .expectNoEvents();
    }

    @Test
    void cannotRegisterACodeAlreadyInUse() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAgency("xh-fgw", "西城区发展和改革委员会", "xh"))
                .expectException(violation(Kind.CONFLICT, "AGENCY_EXISTS"))
                .expectExceptionMessage(containsString("机关编码 xh-fgw 已被使用"))
                .expectNoEvents();
    }

    @Test
    void cannotRegisterAnAgencyUnderAnUnknownParent() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAgency("hd-czj", "海淀区财政局", "hd"))
                .expectException(violation(Kind.INVALID, "PARENT_UNKNOWN"))
                .expectExceptionMessage(containsString("上级机关 hd 不存在"))
                .expectNoEvents();
    }

    private static Matcher<Object> violation(Kind kind, String rule) {
        return allOf(instanceOf(RuleViolation.class), new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof RuleViolation v && v.kind() == kind && rule.equals(v.rule());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RuleViolation " + kind + " of rule " + rule);
            }
        });
    }

    @Test
    void anAgencyChoosesHowItCountsItsPeriods() {
        fixture.given(new cn.foi.events.agency.AgencyRegistered("JD01", "某街道办事处", null))
                .when(new AgencyCommands.ChangeAgencySettings("JD01", true, false))
                .expectEvents(new cn.foi.events.agency.AgencySettingsChanged("JD01", true, false));
    }

    @Test
    void anAgencyChoosesTheYearItsAppealsCountIn() {
        fixture.given(new cn.foi.events.agency.AgencyRegistered("JD01", "某街道办事处", null))
                .when(new AgencyCommands.ChooseAppealYearRule("JD01", cn.foi.events.agency.AppealYearRule.DECIDED_IN_YEAR))
                .expectEvents(new cn.foi.events.agency.AppealYearRuleChosen("JD01",
                        cn.foi.events.agency.AppealYearRule.DECIDED_IN_YEAR));
    }
}
