package cn.foi.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sign-in page's facts: the system, the organisation that deployed it and the version, before anyone signs in. */
class AboutApiTest {

    private static final String ORGANISATION = "某某市人民政府办公室";
    private static AllInOne system;

    @BeforeAll
    static void start() throws Exception {
        // The property FOI_ORGANISATION_NAME sets (foi-common.properties).
        system = AllInOne.startFresh(Map.of("foi.organisation-name", "  " + ORGANISATION + " "));
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

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
