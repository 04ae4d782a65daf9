package cn.foi.command.request;

import java.time.LocalDate;

/**
 * The 条例 a request is answered under, chosen by its receipt date: the 2008 条例 (国务院令第492号, art. 24: fifteen
 * working days, extended by at most fifteen) for requests received before the 2019 revision came into force, the 2019
 * 条例 (国务院令第711号, art. 33: twenty and twenty) since. Both leave consultation time out of the period.
 */
public enum Regulation {
    OF_2008(LocalDate.of(2008, 5, 1), 15, 15, "（依2008年条例第二十四条）"),
    OF_2019(LocalDate.of(2019, 5, 15), 20, 20, "");

    /** Working days a consulted third party or agency has to reply (条例 32, 34). */
    static final int CONSULTATION_PERIOD = 15;

    private final LocalDate inForceFrom;
    private final int answerDays;
    private final int maxExtension;
    private final String citation;

    Regulation(LocalDate inForceFrom, int answerDays, int maxExtension, String citation) {
        this.inForceFrom = inForceFrom;
        this.answerDays = answerDays;
        this.maxExtension = maxExtension;
        this.citation = citation;
    }

    /** The first day any 条例 applies: no request can have been received under one before it. */
    static LocalDate firstDay() {
        return OF_2008.inForceFrom;
    }

    /** The 条例 in force on the receipt date. */
    public static Regulation forReceipt(LocalDate receivedOn) {
        return receivedOn.isBefore(OF_2019.inForceFrom) ? OF_2008 : OF_2019;
    }

    public int answerDays() {
        return answerDays;
    }

    public int maxExtension() {
        return maxExtension;
    }

    /** Said after a due date's explanation when it is not the current 条例's period, so the clerk sees why. */
    String citation() {
        return citation;
    }
}
