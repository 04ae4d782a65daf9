package cn.foi.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class RedactedTest {

    private static final String PERSONAL = "张三 110102199001011234";

    private static DataIntegrityViolationException failedInsert() {
        SQLException driver = new SQLException("ERROR: duplicate key value violates unique constraint\n  Detail: Key "
                + "(case_no)=(" + PERSONAL + ") already exists.", "23505");
        return new DataIntegrityViolationException("PreparedStatementCallback; SQL [insert into case_registry "
                + "values (?, ?, ?)]; " + driver.getMessage(), driver);
    }

    @Test
    void aLoggedFailureKeepsItsClassesAndFramesButNoneOfItsMessages() {
        DataIntegrityViolationException original = failedInsert();

        Throwable redacted = Redacted.of(original);

        for (Throwable t = redacted; t != null; t = t.getCause()) {
            assertThat(t.getMessage()).doesNotContain("张三").doesNotContain("110102").doesNotContain("case_no");
            assertThat(t.toString()).doesNotContain("张三");
        }
        assertThat(redacted.getMessage()).isEqualTo(DataIntegrityViolationException.class.getName());
        assertThat(redacted.getCause().getMessage()).isEqualTo("java.sql.SQLException [SQLState 23505]");
        assertThat(redacted.getStackTrace()).isEqualTo(original.getStackTrace());
        assertThat(Redacted.describe(original)).isEqualTo(DataIntegrityViolationException.class.getName()
                + " <- java.sql.SQLException [SQLState 23505]");
    }

    @Test
    void aCycleOfCausesEnds() {
        RuntimeException a = new RuntimeException(PERSONAL);
        RuntimeException b = new RuntimeException(PERSONAL, a);
        a.initCause(b);
        assertThat(Redacted.describe(b)).isEqualTo("java.lang.RuntimeException <- java.lang.RuntimeException");
        assertThat(Redacted.of(b).getCause().getCause()).isNull();
    }
}
