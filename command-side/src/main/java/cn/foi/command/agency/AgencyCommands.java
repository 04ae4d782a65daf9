package cn.foi.command.agency;

import cn.foi.events.agency.AppealYearRule;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public final class AgencyCommands {

    private AgencyCommands() {
    }

    /**
     * The event store keys streams by identifier alone, whatever the aggregate's type: agencies, users and calendars
     * therefore get identifiers that cannot meet (an agency coded "JD01" and a user named "JD01" are different streams).
     */
    public static String streamId(String code) {
        return "agency:" + code;
    }

    public record ChangeAgencySettings(String code, boolean countFromReceiptDay, boolean feePausesClock) {
        @TargetAggregateIdentifier
        public String streamId() {
            return AgencyCommands.streamId(code);
        }
    }

    public record ChooseAppealYearRule(String code, AppealYearRule rule) {
        @TargetAggregateIdentifier
        public String streamId() {
            return AgencyCommands.streamId(code);
        }
    }

    /** What the agency's notices print; a null or blank field is not set (the parent's value or the default). */
    public record ChangeNoticeSettings(String code, String shortName, String numberPattern,
                                       String reconsiderationBody, String court) {
        @TargetAggregateIdentifier
        public String streamId() {
            return AgencyCommands.streamId(code);
        }
    }

    /** An administrator's Word layout for one kind of the agency's notices (ADR 22), already checked as a layout. */
    public record UploadNoticeTemplate(String code, cn.foi.events.request.NoticeKind kind, byte[] content,
                                       String fileName, String uploadedBy) {
        @TargetAggregateIdentifier
        public String streamId() {
            return AgencyCommands.streamId(code);
        }
    }

    /** Back to the layout inherited from above (or the shipped one) for one kind. */
    public record RevertNoticeTemplate(String code, cn.foi.events.request.NoticeKind kind, String revertedBy) {
        @TargetAggregateIdentifier
        public String streamId() {
            return AgencyCommands.streamId(code);
        }
    }

    /** The agency's case-number pattern (受理编号格式); null or blank: the deployment's pattern. */
    public record SetCaseNumberPattern(String code, String pattern) {
        @TargetAggregateIdentifier
        public String streamId() {
            return AgencyCommands.streamId(code);
        }
    }

    public record RegisterAgency(String code, String name, String parentCode) {
        @TargetAggregateIdentifier
        public String streamId() {
            return AgencyCommands.streamId(code);
        }
    }

    /**
     * @param name       the new name; null: the name stays
     * @param move       whether the agency moves in the tree
     * @param parentCode when it moves, the new parent; null or blank: the top of the tree
     */
    public record AdjustAgency(String code, String name, boolean move, String parentCode) {
        @TargetAggregateIdentifier
        public String streamId() {
            return AgencyCommands.streamId(code);
        }
    }
}
