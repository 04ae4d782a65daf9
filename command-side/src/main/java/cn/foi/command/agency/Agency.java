package cn.foi.command.agency;

import cn.foi.platform.limits.TextField;
import cn.foi.command.shared.InputLimits;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.foi.command.agency.AgencyCommands.ChangeAgencySettings;
import cn.foi.command.agency.AgencyCommands.ChangeNoticeSettings;
import cn.foi.command.agency.AgencyCommands.ChooseAppealYearRule;
import cn.foi.command.agency.AgencyCommands.AdjustAgency;
import cn.foi.command.agency.AgencyCommands.RegisterAgency;
import cn.foi.command.agency.AgencyCommands.RevertNoticeTemplate;
import cn.foi.command.agency.AgencyCommands.SetCaseNumberPattern;
import cn.foi.command.agency.AgencyCommands.UploadNoticeTemplate;
import cn.foi.command.notice.NoticeLayout;
import cn.foi.command.notice.NoticeLayoutKeeper;
import cn.foi.command.request.CaseNumberPattern;
import cn.foi.command.shared.RuleViolation;
import cn.foi.events.agency.AgencyCaseNumberPatternSet;
import cn.foi.events.agency.AgencyNoticeSettingsChanged;
import cn.foi.events.agency.AgencyMoved;
import cn.foi.events.agency.AgencyRegistered;
import cn.foi.events.agency.AgencyRenamed;
import cn.foi.events.agency.AgencySettingsChanged;
import cn.foi.events.agency.AppealYearRuleChosen;
import cn.foi.events.agency.NoticeTemplateReverted;
import cn.foi.events.agency.NoticeTemplateUploaded;
import cn.foi.events.request.NoticeKind;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** An agency (机关) that receives requests and reports on them, placed under its parent agency. */
@Aggregate
public class Agency {

    /** Codes appear in URLs and ledgers: letters, digits, dot, dash and underscore, as long as the catalogue allows. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,"
            + (TextField.AGENCY_CODE.maxLength() - 1) + "}");

    @AggregateIdentifier
    private String streamId;
    private String code;
    private String name;
    private String parentCode;
    /** The last version uploaded per kind of notice: versions are numbered 1, 2, … and never reused. */
    private final Map<NoticeKind, Integer> templateVersions = new EnumMap<>(NoticeKind.class);
    /** The kinds for which the agency uses a layout of its own rather than the inherited one. */
    private final Set<NoticeKind> ownTemplates = EnumSet.noneOf(NoticeKind.class);
    /** The agency's own case-number pattern; null: the deployment's. */
    private String caseNumberPattern;

    protected Agency() {
        // for Axon
    }

    @CommandHandler
    public Agency(RegisterAgency command, AgencyDirectory agencies) {
        if (command.code() == null || !CODE.matcher(command.code()).matches()) {
            throw RuleViolation.invalid("AGENCY_CODE_FORMAT", "code",
                    "机关编码须为 1 至 " + TextField.AGENCY_CODE.maxLength() + " 位字母、数字、点、短横线或下划线，且以字母或数字开头");
        }
        if ("CN".equalsIgnoreCase(command.code())) {
            throw RuleViolation.invalid("AGENCY_CODE_RESERVED", "code", "编码 CN 保留给全国工作日历，请换一个机关编码");
        }
        if (command.name() == null || command.name().isBlank()) {
            throw RuleViolation.invalid("AGENCY_NAME_REQUIRED", "name", "请填写机关名称");
        }
        InputLimits.text(TextField.AGENCY_NAME, command.name().strip());
        if (agencies.exists(command.code())) {
            throw RuleViolation.conflict("AGENCY_EXISTS", "机关编码 " + command.code() + " 已被使用");
        }
        String parent = command.parentCode() == null || command.parentCode().isBlank() ? null : command.parentCode();
        if (parent != null) {
            InputLimits.text(TextField.AGENCY_CODE, "parentCode", parent);
        }
        if (parent != null && !agencies.exists(parent)) {
            throw RuleViolation.invalid("PARENT_UNKNOWN", "parentCode", "上级机关 " + parent + " 不存在，请先创建上级机关");
        }
        apply(new AgencyRegistered(command.code(), command.name().strip(), parent));
    }

    @CommandHandler
    public void handle(ChangeAgencySettings command) {
        apply(new AgencySettingsChanged(command.code(), command.countFromReceiptDay(), command.feePausesClock()));
    }

    /** Which year Table 四 counts an appeal in: the agency's choice, stated on its reports. */
    @CommandHandler
    public void handle(ChooseAppealYearRule command) {
        if (command.rule() == null) {
            throw RuleViolation.invalid("APPEAL_YEAR_RULE_REQUIRED", "appealYearRule",
                    "请选择表四的统计口径：FILED_IN_YEAR（本年度申请、按年末状态）或 DECIDED_IN_YEAR（本年度决定加年末未审结）");
        }
        apply(new AppealYearRuleChosen(command.code(), command.rule()));
    }

    /**
     * What its notices print. A number pattern must keep every series apart and every number distinct: it needs the
     * kind's mark, the year and the sequence (ADR 19).
     */
    @CommandHandler
    public void handle(ChangeNoticeSettings command) {
        String pattern = setting("numberPattern", command.numberPattern());
        if (pattern != null) {
            for (String part : new String[] {"{类别}", "{年}", "{序号}"}) {
                if (!pattern.contains(part)) {
                    throw RuleViolation.invalid("NOTICE_PATTERN_INCOMPLETE", "numberPattern",
                            "文号格式须包含 {类别}、{年} 和 {序号}（缺少 " + part + "），例如 {机关简称}依申公{类别}〔{年}〕{序号}号");
                }
            }
        }
        apply(new AgencyNoticeSettingsChanged(command.code(), setting("shortName", command.shortName()), pattern,
                setting("reconsiderationBody", command.reconsiderationBody()), setting("court", command.court())));
    }

    /**
     * How the agency writes its case numbers, for registration's suggestion of the next one (ADR 24); blank: back to
     * the deployment's pattern. Saving the pattern in force again records nothing, so that the history holds changes.
     */
    @CommandHandler
    public void handle(SetCaseNumberPattern command) {
        String pattern = command.pattern() == null || command.pattern().isBlank() ? null : command.pattern().strip();
        if (pattern != null) {
            CaseNumberPattern.checked(pattern, "caseNumberPattern");
        }
        if (!java.util.Objects.equals(pattern, caseNumberPattern)) {
            apply(new AgencyCaseNumberPatternSet(code, pattern));
        }
    }

    /**
     * A Word layout of the agency's own for one kind of notice (ADR 22): the next version of that kind. The bytes are
     * kept with the event, in the same transaction; the layout was checked by the caller, and is checked again here
     * because a letter written in a broken layout could not be issued at all.
     */
    @CommandHandler
    public NoticeTemplateUploaded handle(UploadNoticeTemplate command, NoticeLayoutKeeper templates, Clock clock) {
        if (command.kind() == null) {
            throw RuleViolation.invalid("NOTICE_KIND_REQUIRED", "kind", "请选择文书种类");
        }
        if (command.content() == null || command.content().length == 0) {
            throw RuleViolation.invalid("NOTICE_TEMPLATE_EMPTY", "file", "上传的模板文件是空的");
        }
        try {
            NoticeLayout.check(command.content());
        } catch (NoticeLayout.LayoutException e) {
            throw RuleViolation.invalid("NOTICE_TEMPLATE_INVALID", "file", e.getMessage());
        }
        int version = templateVersions.getOrDefault(command.kind(), 0) + 1;
        String versionId = code + "-" + command.kind().name() + "-v" + version;
        String sha256 = sha256(command.content());
        Instant now = clock.instant();
        templates.keep(code, command.kind(), version, versionId, sha256, command.fileName(), command.uploadedBy(), now,
                command.content());
        NoticeTemplateUploaded uploaded = new NoticeTemplateUploaded(code, command.kind(), version, versionId, sha256,
                command.content().length, command.fileName(), command.uploadedBy(), now);
        apply(uploaded);
        return uploaded;
    }

    /** Back to the inherited layout for one kind; refused when the agency has none of its own for it. */
    @CommandHandler
    public void handle(RevertNoticeTemplate command, Clock clock) {
        if (command.kind() == null) {
            throw RuleViolation.invalid("NOTICE_KIND_REQUIRED", "kind", "请选择文书种类");
        }
        if (!ownTemplates.contains(command.kind())) {
            throw RuleViolation.conflict("NOTICE_TEMPLATE_NOT_OWN",
                    "本机关没有自己的《" + command.kind().title() + "》模板，已在使用上级机关或系统默认的模板");
        }
        apply(new NoticeTemplateReverted(code, command.kind(), command.revertedBy(), clock.instant()));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static String setting(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return InputLimits.text(TextField.AGENCY_NAME, field, value.strip());
    }

    /**
     * A new name (机构更名), a new place in the tree (隶属关系调整), or both: both are checked before either is recorded,
     * so that a change is taken whole or not at all. Asking for the name or the place it already has is refused, so
     * that the history holds only real changes.
     */
    @CommandHandler
    public void handle(AdjustAgency command, AgencyDirectory agencies, AgencyTree tree) {
        if (command.name() == null && !command.move()) {
            throw RuleViolation.invalid("AGENCY_CHANGE_EMPTY", "name", "请填写新的机关名称（name）或新的上级机关（parentCode）");
        }
        String newName = command.name() == null ? null : checkedName(command.name());
        String parent = command.move() ? checkedParent(command.parentCode(), agencies, tree) : parentCode;
        if (newName != null) {
            apply(new AgencyRenamed(code, newName));
        }
        if (command.move()) {
            apply(new AgencyMoved(code, parent));
        }
    }

    private String checkedName(String given) {
        if (given.isBlank()) {
            throw RuleViolation.invalid("AGENCY_NAME_REQUIRED", "name", "请填写机关名称");
        }
        String newName = InputLimits.text(TextField.AGENCY_NAME, given.strip());
        if (newName.equals(name)) {
            throw RuleViolation.invalid("AGENCY_NAME_UNCHANGED", "name", "新名称与现名称相同：" + name);
        }
        return newName;
    }

    /**
     * The new parent: an existing agency, or none (blank: the top of the tree). It cannot be the agency itself nor one
     * under it, or the subtree would hang from itself and belong to no one.
     */
    private String checkedParent(String given, AgencyDirectory agencies, AgencyTree tree) {
        String parent = given == null || given.isBlank() ? null : given.strip();
        if (parent != null) {
            InputLimits.text(TextField.AGENCY_CODE, "parentCode", parent);
            if (!agencies.exists(parent)) {
                throw RuleViolation.invalid("PARENT_UNKNOWN", "parentCode", "上级机关 " + parent + " 不存在");
            }
            if (tree.ancestry(parent).contains(code)) {
                throw RuleViolation.invalid("AGENCY_CYCLE", "parentCode", parent.equals(code)
                        ? "机关不能作为自己的上级机关"
                        : "机关 " + parent + " 是本机关（" + code + "）的下级机关，不能把本机关移到它之下");
            }
        }
        if (java.util.Objects.equals(parent, parentCode)) {
            throw RuleViolation.invalid("AGENCY_PARENT_UNCHANGED", "parentCode",
                    parent == null ? "本机关已是顶级机关" : "本机关已隶属于 " + parent);
        }
        return parent;
    }

    @EventSourcingHandler
    void on(AgencyRegistered event) {
        streamId = AgencyCommands.streamId(event.code());
        code = event.code();
        name = event.name();
        parentCode = event.parentCode();
    }

    @EventSourcingHandler
    void on(AgencyRenamed event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(AgencyMoved event) {
        parentCode = event.parentCode();
    }

    @EventSourcingHandler
    void on(AgencyCaseNumberPatternSet event) {
        caseNumberPattern = event.pattern();
    }

    @EventSourcingHandler
    void on(NoticeTemplateUploaded event) {
        templateVersions.put(event.kind(), event.version());
        ownTemplates.add(event.kind());
    }

    @EventSourcingHandler
    void on(NoticeTemplateReverted event) {
        ownTemplates.remove(event.kind());
    }
}
