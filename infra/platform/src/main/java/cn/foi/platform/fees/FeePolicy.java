package cn.foi.platform.fees;

import cn.foi.platform.calendar.WorkingDayCalendar;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The information processing fee of 《政府信息公开信息处理费管理办法》 (国办函〔2020〕109号, in force 2021-01-01): by
 * count (按件, the applicant's requests to one agency in one calendar month) or by volume (按量, the pages of one
 * request), never both. The quote helps the clerk; the amount on the notice is what the clerk confirms.
 *
 * <p>Both sides use it: the query side quotes, the command side refuses notices dated before the measures applied.
 */
public final class FeePolicy {

    /** The day the measures came into force; no fee may be charged for a notice before it. */
    public static final LocalDate IN_FORCE_FROM = LocalDate.of(2021, 1, 1);

    /**
     * 国办函〔2020〕109号: twenty working days to pay from the day after the fee notice is received. The command side
     * refuses 逾期未缴费 until they have passed, and the query side offers the step only then.
     */
    public static final int PAYMENT_PERIOD_WORKING_DAYS = 20;

    /** The last day to pay a notice of that day, on the agency's calendar. */
    public static LocalDate payBy(LocalDate noticeOn, WorkingDayCalendar calendar) {
        return calendar.addWorkingDays(noticeOn, PAYMENT_PERIOD_WORKING_DAYS);
    }

    /** The most pages a quote accepts: 20 000 pages cost 786 400 元, within the largest fee a notice may state. */
    public static final int MAX_PAGES = 20_000;

    private static final int FREE_PAGES = 30;
    private static final int FREE_REQUESTS = 10;
    private static final int FIRST_PAID_REQUESTS_UP_TO = 30;
    private static final int REQUESTS_PER_STEP = 10;
    private static final BigDecimal STEP = new BigDecimal("100");

    /** The fee and how it was reached, in words a clerk can put in the notice. */
    public record Quote(BigDecimal amount, String explanation) {
    }

    private record PageTier(int from, int to, int pricePerPage) {
    }

    private static final List<PageTier> PAGE_TIERS = List.of(
            new PageTier(31, 100, 10),
            new PageTier(101, 200, 20),
            new PageTier(201, Integer.MAX_VALUE, 40));

    private FeePolicy() {
    }

    /**
     * 按量: progressive over the pages of one request — up to 30 pages free, pages 31–100 at 10 元, 101–200 at 20 元,
     * from 201 at 40 元 each.
     */
    public static Quote perPage(int pages) {
        if (pages < 0 || pages > MAX_PAGES) {
            throw new IllegalArgumentException("pages out of range: " + pages);
        }
        BigDecimal total = BigDecimal.ZERO;
        List<String> parts = new ArrayList<>();
        for (PageTier tier : PAGE_TIERS) {
            int counted = Math.min(pages, tier.to()) - tier.from() + 1;
            if (counted > 0) {
                BigDecimal part = BigDecimal.valueOf((long) counted * tier.pricePerPage());
                total = total.add(part);
                parts.add("第 " + tier.from() + "–" + Math.min(pages, tier.to()) + " 页 " + counted + " 页 × "
                        + tier.pricePerPage() + " 元 = " + part.toPlainString() + " 元");
            }
        }
        String explanation = pages <= FREE_PAGES
                ? "按量收费：共 " + pages + " 页，30 页以下（含 30 页）不收费"
                : "按量收费：共 " + pages + " 页，前 30 页不收费；" + String.join("；", parts) + "；合计 "
                        + money(total).toPlainString() + " 元";
        return new Quote(money(total), explanation + "（国办函〔2020〕109号）");
    }

    /**
     * 按件: the fee of the applicant's {@code nth} request to the agency in a calendar month — the first 10 free, the
     * 11th to 30th at 100 元, then 100 元 more for every further 10 (31st–40th at 200 元, 41st–50th at 300 元, …).
     */
    public static Quote perRequest(int nth) {
        if (nth < 1) {
            throw new IllegalArgumentException("a request is at least the first of its month: " + nth);
        }
        BigDecimal fee;
        if (nth <= FREE_REQUESTS) {
            fee = BigDecimal.ZERO;
        } else if (nth <= FIRST_PAID_REQUESTS_UP_TO) {
            fee = STEP;
        } else {
            int steps = (nth - FIRST_PAID_REQUESTS_UP_TO + REQUESTS_PER_STEP - 1) / REQUESTS_PER_STEP;
            fee = STEP.multiply(BigDecimal.valueOf(steps + 1L));
        }
        String explanation = "按件收费：本件是该申请人本自然月内向本机关提出的第 " + nth + " 件申请；"
                + (nth <= FREE_REQUESTS ? "10 件以下（含 10 件）不收费"
                : nth <= FIRST_PAID_REQUESTS_UP_TO ? "第 11–30 件每件收费 100 元"
                : "30 件以上每增加 10 件，每件收费标准提高 100 元，本档每件 " + fee.toPlainString() + " 元")
                + "（国办函〔2020〕109号）";
        return new Quote(money(fee), explanation);
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2);
    }
}
