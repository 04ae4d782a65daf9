package cn.foi.events.request;

import java.util.Optional;

/** The one outcome a closed request ends in; each is one row of Table 三 (domain §1.6). */
public enum Outcome {
    R3_1("（一）予以公开", "予以公开"),
    R3_2("（二）部分公开", "部分公开"),
    R3_3_1("（三）不予公开", "属于国家秘密"),
    R3_3_2("（三）不予公开", "其他法律行政法规禁止公开"),
    R3_3_3("（三）不予公开", "危及\"三安全一稳定\""),
    R3_3_4("（三）不予公开", "保护第三方合法权益"),
    R3_3_5("（三）不予公开", "属于三类内部事务信息"),
    R3_3_6("（三）不予公开", "属于四类过程性信息"),
    R3_3_7("（三）不予公开", "属于行政执法案卷"),
    R3_3_8("（三）不予公开", "属于行政查询事项"),
    R3_4_1("（四）无法提供", "本机关不掌握相关政府信息"),
    R3_4_2("（四）无法提供", "没有现成信息需要另行制作"),
    R3_4_3("（四）无法提供", "补正后申请内容仍不明确"),
    R3_5_1("（五）不予处理", "信访举报投诉类申请"),
    R3_5_2("（五）不予处理", "重复申请"),
    R3_5_3("（五）不予处理", "要求提供公开出版物"),
    R3_5_4("（五）不予处理", "无正当理由大量反复申请"),
    R3_5_5("（五）不予处理", "要求行政机关确认或重新出具已获取信息"),
    R3_6_1("（六）其他处理", "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    R3_6_2("（六）其他处理", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    R3_6_3("（六）其他处理", "其他");

    private final String group;
    private final String label;

    Outcome(String group, String label) {
        this.group = group;
        this.label = label;
    }

    /** The heading of the outcome's group in Table 三, such as （三）不予公开. */
    public String group() {
        return group;
    }

    /** The row's label without its number, such as 属于国家秘密. */
    public String label() {
        return label;
    }

    /** Group and label together, as a clerk reads it: 不予公开·属于国家秘密. */
    public String fullLabel() {
        String groupName = group.substring(group.indexOf('）') + 1);
        return groupName.equals(label) ? label : groupName + "·" + label;
    }

    public static Optional<Outcome> fromText(String text) {
        return Labels.find(values(), text, Outcome::label);
    }
}
