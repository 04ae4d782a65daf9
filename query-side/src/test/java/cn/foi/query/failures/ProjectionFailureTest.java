package cn.foi.query.failures;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** What a projection's failure may say in the log and the dead-letter table: never a value it was writing. */
class ProjectionFailureTest {

    @Test
    void aBatchIsDescribedByTheServersErrorNotByItsStatementsWithTheirValues() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 insert into request_summary (id, "
                + "applicant_name) values ('r-1', '张三丰') was aborted: ERROR: value too long for type character "
                + "varying(200)  Call getNextException to see other errors in the batch.", "22001", new int[0]);
        batch.setNextException(new SQLException("ERROR: value too long for type character varying(200)", "22001"));
        DataIntegrityViolationException spring = new DataIntegrityViolationException(
                "PreparedStatementCallback; SQL [insert into request_summary ...]; Batch entry 0 ... '张三丰'", batch);

        ProjectionFailure failure = ProjectionFailure.of("event could not be applied", spring);

        assertThat(failure.causeType()).isEqualTo(DataIntegrityViolationException.class.getName());
        assertThat(failure.causeMessage()).isEqualTo("value too long for type character varying(200) [SQLState 22001]");
        assertThat(failure.getMessage()).doesNotContain("张三丰");
        assertThat(failure.getCause()).isNull();
        assertThat(failure.getStackTrace()).isEqualTo(spring.getStackTrace());
    }

    @Test
    void quotedValuesAndTheDetailLineAreLeftOut() {
        SQLException duplicate = new SQLException("ERROR: invalid input syntax for type date: \"张三 110101199003078888\"\n"
                + "  Detail: Key (id_number)=(110101199003078888) already exists.", "22007");

        String described = ProjectionFailure.describe(new RuntimeException("wrapped", duplicate));

        assertThat(described).isEqualTo("invalid input syntax for type date: … [SQLState 22007]");
    }

    @Test
    void aFailureOfTheProjectionsOwnCodeIsOnlyItsType() {
        ProjectionFailure failure = ProjectionFailure.of("event could not be applied",
                new IllegalStateException("cannot write 张三's request"));

        assertThat(failure.causeType()).isEqualTo(IllegalStateException.class.getName());
        assertThat(failure.causeMessage()).isNull();
        assertThat(failure.getMessage()).doesNotContain("张三");
    }
}
