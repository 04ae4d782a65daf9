package cn.foi.query.reminders;

import cn.foi.platform.calendar.WorkingDayCalendar;
import cn.foi.query.calendar.AgencyCalendars;
import cn.foi.query.persistence.QueryDatabase;
import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The daily reminder digest (每日办理提醒): once a working day, from a set office time on, each active handler with an
 * e-mail address and at least one reminder gets one e-mail listing their overdue requests, their requests whose 补正
 * or payment deadline passed, and those due within a few working days. Sent only when a mail server is configured
 * ({@code spring.mail.host}: Spring Boot then provides the {@link JavaMailSender}).
 *
 * <p>Once per user and day, whichever query side comes first: each claims {@code (username, day)} in
 * {@code reminder_digest_sent} before it sends, and sends only when its insert took. Query sides with databases of
 * their own cannot see each other's claims: the digest is switched off on all of them but one (ADR 0027).
 */
@Component
public class ReminderDigest {

    public static final String SUBJECT = "政府信息公开申请办理提醒";

    private static final Logger log = LoggerFactory.getLogger(ReminderDigest.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final JdbcTemplate jdbc;
    private final Reminders reminders;
    private final AgencyCalendars calendar;
    private final Clock clock;
    private final ObjectProvider<JavaMailSender> mail;
    private final boolean enabled;
    private final LocalTime sendFrom;
    private final Duration checkInterval;
    private final String from;
    private final String mailUsername;
    private final String mailHost;
    private ScheduledExecutorService timer;

    public ReminderDigest(QueryDatabase database, Reminders reminders, AgencyCalendars calendar, Clock clock,
                          ObjectProvider<JavaMailSender> mail,
                          @Value("${foi.reminders.digest.enabled:true}") boolean enabled,
                          @Value("${foi.reminders.digest.time:08:00}") LocalTime sendFrom,
                          @Value("${foi.reminders.digest.check-interval:PT1M}") Duration checkInterval,
                          @Value("${foi.reminders.digest.from:}") String from,
                          @Value("${spring.mail.username:}") String mailUsername,
                          @Value("${spring.mail.host:}") String mailHost) {
        this.jdbc = database.jdbc();
        this.reminders = reminders;
        this.calendar = calendar;
        this.clock = clock;
        this.mail = mail;
        this.enabled = enabled;
        this.sendFrom = sendFrom;
        this.checkInterval = checkInterval;
        this.from = from;
        this.mailUsername = mailUsername;
        this.mailHost = mailHost;
    }

    /** Whether digests go out from this side: switched on, and a mail server configured. */
    public boolean active() {
        return enabled && !mailHost.isBlank() && mail.getIfAvailable() != null;
    }

    @EventListener(ApplicationReadyEvent.class)
    public synchronized void start() {
        if (!active() || timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "reminder-digest");
            thread.setDaemon(true);
            return thread;
        });
        long every = checkInterval.toMillis();
        timer.scheduleWithFixedDelay(this::sendQuietly, every, every, TimeUnit.MILLISECONDS);
        log.info("Reminder digests are sent on working days from {} (office time)", sendFrom);
    }

    @PreDestroy
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    private void sendQuietly() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            // The next check tries again: a digest whose sending failed was not claimed.
            log.warn("Reminder digests could not be sent: {}", e.toString());
        }
    }

    /**
     * Sends today's digests not sent yet, if it is time: a working day, at or after the set time. Returns how many
     * this call sent.
     */
    public int sendDue() {
        return sendDue(LocalDateTime.now(clock));
    }

    /**
     * The same at a given office time: a test asks for 07:59 or a Saturday without moving the clock every part of the
     * system reads (the deadline scheduler would find deadlines passed on that Saturday).
     */
    public int sendDue(LocalDateTime now) {
        JavaMailSender sender = mail.getIfAvailable();
        if (!enabled || sender == null || mailHost.isBlank()) {
            return 0;
        }
        if (now.toLocalTime().isBefore(sendFrom)) {
            return 0;
        }
        LocalDate today = now.toLocalDate();
        // Handlers with an address, not yet sent today, with an open request the system has a reminder about.
        // The same requests as the bell lists (Reminders.remindedCondition).
        List<Object> arguments = new ArrayList<>();
        arguments.add(Date.valueOf(today));
        String reminded = Reminders.remindedCondition(today, arguments);
        List<Recipient> recipients = jdbc.query("select u.username, u.email, u.agency_code from user_account u "
                        + "where u.active and u.email is not null and not exists (select 1 from reminder_digest_sent s "
                        + "where s.username = u.username and s.day = ?) and exists (select 1 from request_summary r "
                        + "where r.handler = u.username and r.closed_on is null and " + reminded + ") "
                        + "order by u.username",
                (rs, n) -> new Recipient(rs.getString(1), rs.getString(2), rs.getString(3)), arguments.toArray());
        int sent = 0;
        for (Recipient recipient : recipients) {
            WorkingDayCalendar days = recipient.agencyCode() == null ? WorkingDayCalendar.national()
                    : calendar.forAgency(recipient.agencyCode());
            if (!days.isWorkingDay(today)) {
                continue;
            }
            List<Reminders.Reminder> theirs = reminders.of(recipient.username());
            if (theirs.isEmpty()) {
                continue;
            }
            if (!claim(recipient.username(), today)) {
                continue; // another query side on this database sent it
            }
            try {
                sender.send(message(sender, recipient, today, theirs, reminders.dueSoon(recipient.username())));
                sent++;
            } catch (MailException | MessagingException e) {
                // Unclaimed, so that the next check tries again rather than the user missing the day's digest.
                jdbc.update("delete from reminder_digest_sent where username = ? and day = ?", recipient.username(),
                        Date.valueOf(today));
                log.warn("The reminder digest to {} could not be sent: {}", recipient.username(), e.toString());
            }
        }
        return sent;
    }

    private record Recipient(String username, String email, String agencyCode) {
    }

    private boolean claim(String username, LocalDate day) {
        return jdbc.update("insert into reminder_digest_sent (username, day, sent_at) values (?, ?, ?) "
                + "on conflict (username, day) do nothing", username, Date.valueOf(day),
                Timestamp.from(clock.instant())) == 1;
    }

    private MimeMessage message(JavaMailSender sender, Recipient recipient, LocalDate today,
                                List<Reminders.Reminder> theirs, List<Reminders.DueSoon> dueSoon)
            throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
        helper.setTo(recipient.email());
        helper.setFrom(sender());
        helper.setSubject(SUBJECT);
        helper.setText(body(recipient.username(), today, theirs, dueSoon));
        return message;
    }

    private String sender() {
        if (!from.isBlank()) {
            return from.strip();
        }
        return mailUsername.contains("@") ? mailUsername : "noreply@" + mailHost;
    }

    /** Plain text: every mail program shows it, and it says the same in a preview line. */
    static String body(String username, LocalDate today, List<Reminders.Reminder> theirs,
                       List<Reminders.DueSoon> dueSoon) {
        StringBuilder text = new StringBuilder();
        text.append(username).append("，您好：\n\n截至 ").append(DAY.format(today))
                .append("，您承办的政府信息公开申请中有以下事项需要处理：\n");
        for (Reminders.Kind kind : Reminders.Kind.values()) {
            List<Reminders.Reminder> ofKind = theirs.stream().filter(r -> r.kind() == kind).toList();
            if (ofKind.isEmpty()) {
                continue;
            }
            text.append("\n").append(kind.label()).append("（").append(ofKind.size()).append(" 件）：\n");
            for (Reminders.Reminder r : ofKind) {
                text.append("  · 受理编号 ").append(r.caseNo()).append("：");
                switch (kind) {
                    case OVERDUE -> text.append("答复期限 ").append(r.deadline()).append("，已逾期 ").append(r.days())
                            .append(" 个工作日");
                    case SUPPLEMENT_DEADLINE_PASSED -> text.append("补正期限 ").append(r.deadline()).append("，已过 ")
                            .append(r.days()).append(" 天，请核实是否逾期未补正");
                    case FEE_DEADLINE_PASSED -> text.append("缴费期限 ").append(r.deadline()).append("，已过 ")
                            .append(r.days()).append(" 天，请核实是否逾期未缴费");
                }
                text.append("\n");
            }
        }
        if (!dueSoon.isEmpty()) {
            text.append("\n").append(Reminders.DUE_SOON_WORKING_DAYS).append(" 个工作日内到期（").append(dueSoon.size())
                    .append(" 件）：\n");
            for (Reminders.DueSoon due : dueSoon) {
                text.append("  · 受理编号 ").append(due.caseNo()).append("：答复期限 ").append(due.dueDate())
                        .append(due.workingDaysLeft() == 0 ? "，今日到期" : "，剩余 " + due.workingDaysLeft() + " 个工作日")
                        .append("\n");
            }
        }
        text.append("\n请登录政府信息公开申请办理系统及时处理。\n本邮件由系统每个工作日自动发送一次，请勿直接回复。\n");
        return text.toString();
    }
}
