package cn.foi.command.request;

import static cn.foi.command.request.InputChecks.notBefore;
import static cn.foi.command.request.InputChecks.notInFuture;
import static cn.foi.command.request.InputChecks.requiredText;
import static cn.foi.command.request.InputChecks.text;

import cn.foi.command.notice.NoticeCommands.ServeNotice;
import cn.foi.command.notice.NoticeCommands.VoidNotice;
import cn.foi.command.shared.RuleViolation;
import cn.foi.events.request.NoticeKind;
import cn.foi.events.request.ServiceMethod;
import cn.foi.platform.limits.TextField;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The written notices (文书) issued on the request, by number (docs/domain.md §1.8), as a value of the request: what
 * serving (送达), voiding (作废) and a 送达回证 need to know of them. Which kind the request's state calls for is the
 * request's to say (it spans the phases); the rules of one notice once issued are here. The request replaces this value
 * in its event sourcing handlers; each step returns a new value.
 *
 * @param byNumber the notices issued, by number (unmodifiable)
 */
record NoticesOnFile(Map<String, NoticeOnFile> byNumber) {

    /** A request no notice was issued for. */
    static final NoticesOnFile NONE = new NoticesOnFile(Map.of());

    /**
     * One notice issued.
     *
     * @param servesNumber for a 送达回证, the number of the notice it accompanies, else null
     * @param servedOn     the day it was served as last recorded, or null
     * @param voidedOn     the day it was voided, or null
     */
    record NoticeOnFile(NoticeKind kind, LocalDate issuedOn, String servesNumber, LocalDate servedOn,
                        LocalDate voidedOn) {
    }

    /** A service (送达) as the clerk records it, checked; {@code correction} is the reason when it corrects a record. */
    record Service(LocalDate servedOn, ServiceMethod method, String recipient, String correction) {
    }

    /** The day of the step a notice of this kind tells of, or, when there is none, a refusal naming what is lacking. */
    static LocalDate calledFor(NoticeKind kind, LocalDate stepOn) {
        if (stepOn == null) {
            throw RuleViolation.conflict("NOTICE_NOT_CALLED_FOR", refusalOf(kind));
        }
        return stepOn;
    }

    private static String refusalOf(NoticeKind kind) {
        String title = "《" + kind.title() + "》";
        return switch (kind) {
            case RECEIPT -> "不能出具" + title;
            case SUPPLEMENT -> "该申请没有告知补正，不能出具" + title;
            case EXTENSION -> "该申请没有延长答复期限，不能出具" + title;
            case CONSULTATION -> "该申请没有征求意见，不能出具" + title;
            case FEE -> "该申请没有发出收费通知，不能出具" + title;
            case ANSWER -> "该申请尚未作出答复（办理结果），不能出具" + title;
            case SERVICE -> "该申请没有可送达的文书，不能出具" + title;
        };
    }

    /** The earliest issue date of a notice a 送达回证 could accompany (not voided, not a 送达回证), or null. */
    LocalDate earliestServable() {
        return byNumber.values().stream()
                .filter(notice -> notice.kind() != NoticeKind.SERVICE && notice.voidedOn() == null)
                .map(NoticeOnFile::issuedOn).min(LocalDate::compareTo).orElse(null);
    }

    /** The notice a 送达回证 accompanies: one of this request's, not voided, and not itself a 送达回证. */
    NoticeOnFile servedBy(String number) {
        if (number == null) {
            throw RuleViolation.invalid("NOTICE_SERVES_REQUIRED", "servesNumber",
                    "请填写《送达回证》所送达文书的文号（字段 servesNumber）");
        }
        NoticeOnFile served = byNumber.get(number);
        if (served == null) {
            throw RuleViolation.invalid("NOTICE_SERVES_UNKNOWN", "servesNumber",
                    "该申请没有文号为“" + number + "”的文书（字段 servesNumber）");
        }
        if (served.kind() == NoticeKind.SERVICE) {
            throw RuleViolation.invalid("NOTICE_SERVES_SERVICE", "servesNumber",
                    "“" + number + "”本身是送达回证，请填写所送达文书的文号（字段 servesNumber）");
        }
        if (served.voidedOn() != null) {
            throw RuleViolation.conflict("NOTICE_VOIDED", "文书“" + number + "”已于 " + served.voidedOn() + " 作废，不能再送达");
        }
        return served;
    }

    /**
     * 送达 as given, checked: the day, the way and who received the notice. Not before it was issued, not in the future,
     * not for a voided notice nor for a 送达回证 (it travels with its notice). A second record corrects the first and must
     * say why (a wrong date typed, the postal receipt arrived).
     */
    Service checkedService(ServeNotice command, Clock clock) {
        NoticeOnFile notice = onFile(command.number());
        if (notice.voidedOn() != null) {
            throw RuleViolation.conflict("NOTICE_VOIDED",
                    "文书“" + command.number() + "”已于 " + notice.voidedOn() + " 作废，不能登记送达");
        }
        if (notice.kind() == NoticeKind.SERVICE) {
            throw RuleViolation.conflict("SERVICE_FORM_NOT_SERVED",
                    "送达回证随所送达的文书一并送达，请登记该文书（" + notice.servesNumber() + "）的送达");
        }
        if (command.method() == null) {
            throw RuleViolation.invalid("SERVICE_METHOD_REQUIRED", "method",
                    "请选择送达方式（字段 method）：" + ServiceMethod.allowedValues());
        }
        LocalDate servedOn = InputChecks.required(command.servedOn(), "servedOn", "送达日期");
        notInFuture(servedOn, "servedOn", "送达日期", clock);
        notBefore(servedOn, notice.issuedOn(), "servedOn", "送达日期", "文书的出具日期");
        String recipient = text(TextField.SERVICE_RECIPIENT, command.recipient());
        // Checked even when unused, so that no text is accepted that could not be stored had it been a correction.
        String reason = text(TextField.SERVICE_CORRECTION_REASON, command.reason());
        String correction = null;
        if (notice.servedOn() != null) {
            if (reason.isEmpty()) {
                throw RuleViolation.conflict("NOTICE_ALREADY_SERVED", "文书“" + command.number() + "”已登记于 "
                        + notice.servedOn() + " 送达；如需更正送达记录，请填写更正理由（字段 reason）");
            }
            correction = reason;
        }
        return new Service(servedOn, command.method(), recipient.isEmpty() ? null : recipient, correction);
    }

    /**
     * 作废 as asked, checked: once, with a reason. Its number stays taken (the series counter never goes back), its
     * document stays on file, and the same kind may be issued again under the next number.
     */
    String checkedVoidingReason(VoidNotice command) {
        NoticeOnFile notice = onFile(command.number());
        if (notice.voidedOn() != null) {
            throw RuleViolation.conflict("NOTICE_ALREADY_VOIDED",
                    "文书“" + command.number() + "”已于 " + notice.voidedOn() + " 作废");
        }
        return requiredText(TextField.NOTICE_VOID_REASON, command.reason(), "请填写作废理由（字段 reason）");
    }

    private NoticeOnFile onFile(String number) {
        NoticeOnFile notice = number == null ? null : byNumber.get(number);
        if (notice == null) {
            throw RuleViolation.notFound("NOTICE_UNKNOWN", "该申请没有编号为“" + number + "”的文书");
        }
        return notice;
    }

    // ---- the value after each event

    NoticesOnFile issued(String number, NoticeKind kind, LocalDate issuedOn, String servesNumber) {
        return with(number, new NoticeOnFile(kind, issuedOn, servesNumber, null, null));
    }

    NoticesOnFile served(String number, LocalDate servedOn) {
        NoticeOnFile notice = byNumber.get(number);
        return notice == null ? this : with(number, new NoticeOnFile(notice.kind(), notice.issuedOn(),
                notice.servesNumber(), servedOn, notice.voidedOn()));
    }

    NoticesOnFile voided(String number, LocalDate voidedOn) {
        NoticeOnFile notice = byNumber.get(number);
        return notice == null ? this : with(number, new NoticeOnFile(notice.kind(), notice.issuedOn(),
                notice.servesNumber(), notice.servedOn(), voidedOn));
    }

    private NoticesOnFile with(String number, NoticeOnFile notice) {
        Map<String, NoticeOnFile> next = new HashMap<>(byNumber);
        next.put(number, notice);
        return new NoticesOnFile(Collections.unmodifiableMap(next));
    }
}
