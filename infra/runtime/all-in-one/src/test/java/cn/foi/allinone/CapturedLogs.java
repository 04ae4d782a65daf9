package cn.foi.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Everything the process logs while it is attached, for the tests that check what must never reach the log (an
 * applicant's personal data). Attach it after the system has started: Spring Boot sets logging up anew at the start
 * and would drop an appender added before.
 */
final class CapturedLogs implements AutoCloseable {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private CapturedLogs() {
    }

    static CapturedLogs attach() {
        CapturedLogs logs = new CapturedLogs();
        logs.appender.start();
        root().addAppender(logs.appender);
        return logs;
    }

    List<ILoggingEvent> events() {
        return appender.list;
    }

    /** Asserts that no line logged so far, nor any of its exceptions' messages, contains any of the texts. */
    void assertNoneContains(String... texts) {
        for (ILoggingEvent event : appender.list) {
            StringBuilder text = new StringBuilder(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                text.append('\n').append(t.getClassName()).append(": ").append(t.getMessage());
            }
            assertThat(text.toString()).as("logged by " + event.getLoggerName()).doesNotContain(texts);
        }
    }

    /** Asserts that some line logged so far contains the text. */
    void assertSomeContains(String text) {
        assertThat(appender.list).anySatisfy(event -> assertThat(event.getFormattedMessage()).contains(text));
    }

    @Override
    public void close() {
        root().detachAppender(appender);
        appender.stop();
    }

    private static Logger root() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
