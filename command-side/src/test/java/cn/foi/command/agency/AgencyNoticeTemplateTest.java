package cn.foi.command.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import cn.foi.command.agency.AgencyCommands.RevertNoticeTemplate;
import cn.foi.command.agency.AgencyCommands.UploadNoticeTemplate;
import cn.foi.command.notice.NoticeLayout;
import cn.foi.command.notice.NoticeLayoutKeeper;
import cn.foi.command.shared.RuleViolation;
import cn.foi.events.agency.AgencyRegistered;
import cn.foi.events.agency.NoticeTemplateReverted;
import cn.foi.events.agency.NoticeTemplateUploaded;
import cn.foi.events.request.NoticeKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An agency's own notice layouts (ADR 22): each upload is the next version of its kind, kept with its event; a broken
 * layout is refused before anything is kept. (The layouts' table and the inheritance are tested against PostgreSQL in
 * the all-in-one's NoticeTemplatesApiTest.)
 */
class AgencyNoticeTemplateTest {

    private static final Instant NOW = Instant.parse("2025-10-09T02:00:00Z");
    private static final byte[] LAYOUT = NoticeLayout.defaultLayout();

    private FixtureConfiguration<Agency> fixture;
    private final List<String> kept = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agency.class);
        fixture.registerInjectableResource((AgencyDirectory) code -> false);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneId.of("Asia/Shanghai")));
        fixture.registerInjectableResource((NoticeLayoutKeeper) (agency, kind, version, versionId, sha256, fileName,
                by, at, content) -> kept.add(versionId));
    }

    private static NoticeTemplateUploaded uploaded(NoticeKind kind, int version) {
        return new NoticeTemplateUploaded("310101", kind, version, "310101-" + kind.name() + "-v" + version,
                "0".repeat(64), LAYOUT.length, "模板.docx", "admin", NOW);
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    @Test
    void anUploadIsTheNextVersionOfItsKind() throws Exception {
        fixture.given(new AgencyRegistered("310101", "某区人民政府办公室", null), uploaded(NoticeKind.FEE, 1),
                        uploaded(NoticeKind.ANSWER, 1))
                .when(new UploadNoticeTemplate("310101", NoticeKind.FEE, LAYOUT, "收费.docx", "admin"))
                .expectEvents(new NoticeTemplateUploaded("310101", NoticeKind.FEE, 2, "310101-FEE-v2", sha256(LAYOUT),
                        LAYOUT.length, "收费.docx", "admin", NOW));
        assertThat(kept).containsExactly("310101-FEE-v2");
    }

    @Test
    void aFileThatIsNoWordDocumentIsRefusedAndNothingIsKept() {
        fixture.given(new AgencyRegistered("310101", "某区人民政府办公室", null))
                .when(new UploadNoticeTemplate("310101", NoticeKind.FEE, "not a word file".getBytes(StandardCharsets.UTF_8), "收费.docx",
                        "admin"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("不是 Word 文档"))
                .expectNoEvents();
        assertThat(kept).isEmpty();
    }

    @Test
    void revertingGoesBackToTheInheritedLayout() {
        fixture.given(new AgencyRegistered("310101", "某区人民政府办公室", null), uploaded(NoticeKind.FEE, 1))
                .when(new RevertNoticeTemplate("310101", NoticeKind.FEE, "admin"))
                .expectEvents(new NoticeTemplateReverted("310101", NoticeKind.FEE, "admin", NOW));
    }

    @Test
    void anAgencyWithoutItsOwnLayoutHasNothingToRevert() {
        fixture.given(new AgencyRegistered("310101", "某区人民政府办公室", null), uploaded(NoticeKind.FEE, 1),
                        new NoticeTemplateReverted("310101", NoticeKind.FEE, "admin", NOW))
                .when(new RevertNoticeTemplate("310101", NoticeKind.FEE, "admin"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("没有自己的《收费通知书》模板"))
                .expectNoEvents();
    }
}
