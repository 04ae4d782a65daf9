package cn.foi.query.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The query database: projections and the positions of the processors that feed them.
 *
 * <p>One bean of its own type rather than a DataSource, a JdbcTemplate and a transaction manager: in the all-in-one the
 * command side's database must stay the one Spring Boot configures, and auto-configuration backs off as soon as it sees
 * another bean of those types. The schema is migrated when this bean is created, before any projection starts.
 */
@Component
public class QueryDatabase implements DisposableBean {

    private final HikariDataSource dataSource;
    private final JdbcTemplate jdbc;
    private final DataSourceTransactionManager transactionManager;

    public QueryDatabase(@Value("${foi.query.datasource.url}") String url,
                         @Value("${foi.query.datasource.username}") String username,
                         @Value("${foi.query.datasource.password}") String password,
                         @Value("${foi.query.datasource.maximum-pool-size:10}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(username);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("query");
        // The projections' batched inserts (BatchedWrites) go to PostgreSQL as multi-row inserts.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        this.dataSource = new HikariDataSource(config);
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactionManager = new DataSourceTransactionManager(dataSource);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/query")
                .table("flyway_query_history")
                .load()
                .migrate();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public DataSourceTransactionManager transactionManager() {
        return transactionManager;
    }

    public TransactionTemplate transactions() {
        return new TransactionTemplate(transactionManager);
    }

    @Override
    public void destroy() {
        dataSource.close();
    }
}
