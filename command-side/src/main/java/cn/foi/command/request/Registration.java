package cn.foi.command.request;

import cn.foi.command.shared.InputLimits;
import cn.foi.command.shared.RuleViolation;
import cn.foi.events.request.Applicant;
import cn.foi.events.request.Channel;
import cn.foi.events.request.RequestedForm;
import cn.foi.platform.limits.FieldLimits;
import cn.foi.platform.limits.TextField;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a clerk registers when a request arrives, as entered. {@link #resolveReceipt()} applies 条例 31 to find the
 * receipt date from the channel.
 */
public record Registration(
        String caseNo,
        Applicant applicant,
        Channel channel,
        LocalDate submittedOn,
        LocalDate confirmedOn,
        LocalDate receivedOn,
        String description,
        int itemCount,
        RequestedForm requestedForm) {

    /**
     * The registration with its receipt date settled: the day handed in (当面) or signed for (邮寄, required: the posting
     * date is not the receipt), or the day both sides confirmed (平信, 网络, 传真). A given receipt date that contradicts the
     * channel's rule is refused, and so is one before the first 条例 came into force.
     */
    public Registration resolveReceipt() {
        // Every field that can be judged on its own is checked, so that the clerk sees all that is wrong at once.
        List<RuleViolation> found = new ArrayList<>();
        if (applicant == null || applicant.category() == null) {
            found.add(incomplete("applicant.category", "请填写申请人类型"));
        }
        if (applicant == null || applicant.name() == null || applicant.name().isBlank()) {
            found.add(incomplete("applicant.name", "请填写申请人姓名或名称"));
        }
        String number = CaseNumbers.normalize(caseNo);
        if (number == null || number.isEmpty()) {
            found.add(incomplete("caseNo", "请填写受理编号"));
        }
        if (channel == null) {
            found.add(incomplete("channel", "请填写申请方式"));
        }
        if (itemCount < 1) {
            found.add(incomplete("items", "申请事项数至少为 1"));
        } else if (itemCount > FieldLimits.MAX_ITEMS) {
            found.add(RuleViolation.invalid("ITEMS_TOO_MANY", "items",
                    "申请事项数最多为 " + FieldLimits.MAX_ITEMS + "，现为 " + itemCount + "，请核对"));
        }
        checkTexts(number, found);
        Dates dates = null;
        if (channel != null) {
            try {
                dates = dates(); // the dates depend on one another: the first fault among them is reported
            } catch (RuleViolation violation) {
                found.add(violation);
            }
        }
        if (!found.isEmpty()) {
            throw RuleViolation.allOf(found);
        }
        return new Registration(number, applicant, channel, dates.submission(), dates.confirmation(), dates.receipt(),
                description == null ? "" : description.strip(), itemCount,
                requestedForm == null ? RequestedForm.UNSPECIFIED : requestedForm);
    }

    private record Dates(LocalDate submission, LocalDate confirmation, LocalDate receipt) {
    }

    /** The receipt date by the channel's rule (条例 31), the confirmation it rests on and the submission before it. */
    private Dates dates() {
        LocalDate receipt;
        LocalDate confirmation = confirmedOn;
        if (channel.receiptNeedsConfirmation()) {
            if (confirmation == null) {
                confirmation = receivedOn;
            }
            if (confirmation == null) {
                throw incomplete("confirmedOn", "以" + channel.label() + "方式提交的申请，以双方确认之日为收到申请之日：请填写确认日期");
            }
            if (receivedOn != null && !receivedOn.equals(confirmation)) {
                throw incomplete("receivedOn", "以" + channel.label() + "方式提交的申请，收到申请之日即双方确认之日（"
                        + confirmation + "），不能填写为 " + receivedOn);
            }
            receipt = confirmation;
        } else if (channel == Channel.REGISTERED_MAIL) {
            // 条例 31: the day the agency signs for the letter, never the day it was posted.
            if (receivedOn == null) {
                throw incomplete("receivedOn", "以邮寄方式提交的申请，以机关签收之日为收到申请之日：请填写收到申请日期（签收日期）");
            }
            receipt = receivedOn;
            confirmation = null;
        } else {
            receipt = receivedOn != null ? receivedOn : submittedOn;
            if (receipt == null) {
                throw incomplete("receivedOn", "请填写收到申请日期");
            }
            if (channel == Channel.IN_PERSON && submittedOn != null && !submittedOn.equals(receipt)) {
                throw incomplete("receivedOn", "当面提交的申请，以提交之日为收到申请之日（" + submittedOn + "）");
            }
            confirmation = null;
        }
        if (receipt.isBefore(Regulation.firstDay())) {
            throw RuleViolation.invalid("RECEIVED_BEFORE_REGULATION", "receivedOn", "收到申请日期（" + receipt
                    + "）早于《政府信息公开条例》施行之日（" + Regulation.firstDay() + "），请核对");
        }
        LocalDate submission = submittedOn != null ? submittedOn : receipt;
        if (submission.isAfter(receipt)) {
            throw incomplete("submittedOn", "提交日期（" + submission + "）不能晚于收到申请日期（" + receipt + "）");
        }
        return new Dates(submission, confirmation, receipt);
    }

    /** Every text as it will be stored must fit the read side: names and numbers on one line, no control characters. */
    private void checkTexts(String number, List<RuleViolation> found) {
        check(found, () -> InputLimits.text(TextField.CASE_NO, number));
        if (applicant != null) {
            check(found, () -> InputLimits.text(TextField.APPLICANT_NAME, applicant.name()));
            check(found, () -> InputLimits.text(TextField.APPLICANT_ID_TYPE, applicant.idType()));
            check(found, () -> InputLimits.text(TextField.APPLICANT_ID_NUMBER, applicant.idNumber()));
            check(found, () -> InputLimits.text(TextField.APPLICANT_CONTACT, applicant.contact()));
        }
        check(found, () -> InputLimits.text(TextField.DESCRIPTION, description == null ? null : description.strip()));
    }

    private static void check(List<RuleViolation> found, Runnable rule) {
        try {
            rule.run();
        } catch (RuleViolation violation) {
            found.add(violation);
        }
    }

    private static RuleViolation incomplete(String field, String message) {
        return RuleViolation.invalid("REGISTRATION_INVALID", field, message);
    }
}
