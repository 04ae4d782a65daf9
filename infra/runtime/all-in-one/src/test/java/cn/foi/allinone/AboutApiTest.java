package cn.foi.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sign-in page's facts: the system, the organisation that deployed it and the version, before anyone signs in. */
class AboutApiTest {

    private static final String ORGANISATION = "某某市人民政府办公室";
    // The property FOI_ORGANISATION_NAME sets (foi-common.properties).
    @RegisterExtension
    static final AllInOne system = AllInOne.perClass(Map.of("foi.organisation-name", "  " + ORGANISATION + " "));

    @Test
    void givenNobodySignedIn_whenTheSignInPageAsksAboutTheSystem_thenItLearnsItsNameTheOrganisationAndTheBuildsVersion() {
        JsonNode about = system.anonymous().get("/api/about").expect(200).json();

        assertThat(about.path("system").asText()).isEqualTo("政府信息公开申请办理系统");
        assertThat(about.path("organisation").asText()).isEqualTo(ORGANISATION);
        // From the build (Spring Boot's build-info of this module's pom), not a constant of the code.
        assertThat(about.path("version").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void givenNobodySignedIn_whenAnythingElseIsAsked_thenTheAnswerIsStill401() {
        // Only the sign-in page's facts are public.
        assertThat(system.anonymous().get("/api/session").status()).isEqualTo(401);
    }
}
