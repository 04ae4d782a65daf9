package cn.foi.query.web;

import cn.foi.events.access.Role;
import cn.foi.platform.security.CurrentUser;
import cn.foi.platform.security.FoiUser;
import cn.foi.query.directory.DirectoryProjection;
import cn.foi.query.reminders.Reminders;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's reminders (the header's bell) and the menu's counts. Marking reminders read is a change: the
 * command side takes it ({@code POST /api/reminders/read}).
 */
@RestController
@RequestMapping("/api/reminders")
@Tag(name = "提醒", description = "系统提醒与菜单角标")
public class ReminderQueryController {

    /** The bell lists the newest; the counts cover them all. */
    static final int MAX_LISTED = 200;

    private final Reminders reminders;
    private final DirectoryProjection directory;

    public ReminderQueryController(Reminders reminders, DirectoryProjection directory) {
        this.reminders = reminders;
        this.directory = directory;
    }

    /**
     * @param total  every reminder of the user
     * @param unread those not marked read
     */
    public record ReminderList(List<Reminders.Reminder> items, int total, long unread) {
    }

    @GetMapping
    @Operation(summary = "本人的系统提醒（本人承办的未办结申请：逾期未答复、补正期限已过、缴费期限已过），最新的在前，"
            + "每条标明是否已读；最多列出 " + MAX_LISTED + " 条")
    public ReminderList list() {
        List<Reminders.Reminder> all = reminders.of(CurrentUser.get().username());
        long unread = all.stream().filter(r -> !r.read()).count();
        return new ReminderList(all.stream().limit(MAX_LISTED).toList(), all.size(), unread);
    }

    /**
     * @param overdue           open requests of the user's scope whose due date has passed
     * @param dueSoon           open requests of the scope due within {@code dueSoonWorkingDays} working days
     * @param mineOverdue       of those overdue, the ones the user handles
     * @param mineDueSoon       of those due soon, the ones the user handles
     * @param unreadReminders   the user's unread reminders (the bell's count)
     */
    public record Badges(long overdue, long dueSoon, long mineOverdue, long mineDueSoon, int dueSoonWorkingDays,
                         long unreadReminders) {
    }

    @GetMapping("/badges")
    @Operation(summary = "菜单角标：本人范围内（经办人：本机关；主管：本机关及下级机关）逾期和 3 个工作日内到期的未办结申请数，"
            + "其中本人承办的数目，以及本人的未读提醒数")
    public Badges badges() {
        FoiUser user = CurrentUser.get();
        List<String> scope = user.isAdmin() || user.agencyCode() == null ? List.of()
                : user.role() == Role.SUPERVISOR ? directory.subtree(user.agencyCode()) : List.of(user.agencyCode());
        Reminders.Counts counts = reminders.counts(scope, user.username());
        long unread = reminders.of(user.username()).stream().filter(r -> !r.read()).count();
        return new Badges(counts.overdue(), counts.dueSoon(), counts.mineOverdue(), counts.mineDueSoon(),
                Reminders.DUE_SOON_WORKING_DAYS, unread);
    }
}
