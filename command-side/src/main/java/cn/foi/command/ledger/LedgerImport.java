package cn.foi.command.ledger;

import cn.foi.command.CommandSideConfiguration;
import cn.foi.command.agency.AgencyDirectory;
import cn.foi.command.calendar.AgencyCounting;
import cn.foi.command.request.CaseNumberRegistry;
import cn.foi.command.request.CaseNumbers;
import cn.foi.command.request.DisclosureRequest;
import cn.foi.command.request.RequestCommands.DecideRequest;
import cn.foi.command.request.RequestCommands.ExtendAnswerPeriod;
import cn.foi.command.request.RequestCommands.IssueFeeNotice;
import cn.foi.command.request.RequestCommands.RegisterRequest;
import cn.foi.command.request.RequestCommands.AskForSupplement;
import cn.foi.command.request.RequestCommands.WithdrawRequest;
import cn.foi.command.shared.RuleViolation;
import cn.foi.command.store.EventStaging;
import cn.foi.command.store.StagedEvents;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.InputStreamSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.IdGenerator;

/**
 * Imports a ledger (台账): every row becomes the commands of its history, handled by the request aggregate as a clerk's
 * commands are, and the whole ledger is stored or nothing is.
 *
 * <p>How all-or-nothing is kept: the import checks and stages in one database transaction. The rows go through the
 * aggregate in batches, each in its own root unit of work (a unit of work holding thousands of commands meets Axon's
 * handler timeout and its quadratic scan of staged events, see {@code CalendarChangePropagation}); a batch's unit of work
 * joins the import's transaction (Axon's Spring transaction manager propagates REQUIRED), so committing it claims its
 * case numbers and schedules its deadlines inside that transaction, not for good, and its events are staged
 * ({@link EventStaging}), not appended. Only when every row has passed does the transaction commit; with any error it is
 * rolled back and nothing is stored, not even the rows before the error. The committed import's staged events are then
 * appended to the event store in short chunks ({@link StagedEvents}); after a crash in between, at the next start.
 *
 * <p>A dry run and a real run take the same path and give the same errors: a dry run rolls every batch's unit of work
 * back instead of committing it and rolls the transaction back at the end (the case numbers it claimed to find
 * duplicates go with it). A real run does the same for the batches after its first error, so that a bad ledger is still
 * checked to the end without writing more.
 *
 * <p>Nothing is locked for other offices: a failed or dry run never draws a global index of the event store (no gaps
 * for the tracking processors to carry), and the staged events take theirs only when they are appended (ADR 10).
 */
@Component
public class LedgerImport {

    private static final Logger log = LoggerFactory.getLogger(LedgerImport.class);

    /**
     * What an import found: the request rows read, whether they were stored, and every error; the header mapping
     * remembered for the agency when a stored import came with one.
     */
    public record Result(int rows, boolean stored, List<LedgerError> errors, LedgerMapping remembered) {
    }

    private final Repository<DisclosureRequest> requests;
    private final TransactionTemplate transaction;
    private final TransactionManager unitOfWorkTransactions;
    private final List<CorrelationDataProvider> correlationData;
    private final JdbcTemplate jdbc;
    private final AgencyCounting rules;
    private final Clock clock;
    private final CaseNumberRegistry caseNumbers;
    private final AgencyDirectory agencies;
    private final IdGenerator ids;
    private final StagedEvents stagedEvents;
    private final LedgerMappings mappings;
    private final int batchSize;
    @PersistenceContext
    private EntityManager entityManager;

    public LedgerImport(Repository<DisclosureRequest> requests, PlatformTransactionManager transactions,
                        TransactionManager unitOfWorkTransactions, List<CorrelationDataProvider> correlationData,
                        JdbcTemplate jdbc, AgencyCounting rules, Clock clock, CaseNumberRegistry caseNumbers,
                        AgencyDirectory agencies, IdGenerator ids, StagedEvents stagedEvents, LedgerMappings mappings,
                        @Value("${foi.ledger.batch-size:250}") int batchSize) {
        this.requests = requests;
        this.transaction = new TransactionTemplate(transactions);
        this.unitOfWorkTransactions = unitOfWorkTransactions;
        this.correlationData = correlationData;
        this.jdbc = jdbc;
        this.rules = rules;
        this.clock = clock;
        this.caseNumbers = caseNumbers;
        this.agencies = agencies;
        this.ids = ids;
        this.stagedEvents = stagedEvents;
        this.mappings = mappings;
        this.batchSize = batchSize;
    }

    /** {@link #run(String, InputStreamSource, boolean, String, LedgerMapping)} without a mapping of the clerk's. */
    public Result run(String agencyCode, InputStreamSource file, boolean dryRun, String actor) {
        return run(agencyCode, file, dryRun, actor, LedgerMapping.NONE);
    }

    /**
     * Reads the ledger and checks every row; stores them all unless {@code dryRun} or any row has an error. The header
     * is read under the clerk's mapping, then the agency's remembered one; a stored import with a mapping of the
     * clerk's remembers the mapping it used, in the same transaction.
     *
     * @throws LedgerFileException    when the file is empty or no ledger at all
     * @throws LedgerMappingException when the mapping does not fit the file's header (nothing is stored)
     */
    public Result run(String agencyCode, InputStreamSource file, boolean dryRun, String actor, LedgerMapping mapping) {
        if (!agencies.exists(agencyCode)) {
            throw RuleViolation.notFound("AGENCY_UNKNOWN", "本系统中没有编码为 " + agencyCode + " 的机关");
        }
        long started = System.nanoTime();
        if (!dryRun) {
            stagedEvents.appendLeftovers();
        }
        EventStaging staging = new EventStaging(ids.generateId().toString());
        Result result = transaction.execute(status -> {
            // The driver reuses a statement's generic plan, made when the tables of deadlines and open requests were
            // small: a sequential scan, which this one transaction's hundreds of thousands of rows (deleted ones too,
            // not prunable before the commit) turn quadratic. Planning each statement afresh sees the tables grow.
            jdbc.execute("set local plan_cache_mode = force_custom_plan");
            LedgerMapping remembered = mappings.forAgency(agencyCode).map(LedgerMappings.Remembered::mapping)
                    .orElse(LedgerMapping.NONE);
            Run run = new Run(agencyCode, dryRun, actor, staging, mapping, remembered);
            try {
                LedgerFiles.read(file, run::row);
                run.flush();
            } catch (NotALedger header) {
                // the errors say why; nothing after a header that is not one can be read
            }
            if (run.header == null && run.errors.isEmpty()) {
                throw new LedgerFileException("台账文件中没有任何内容（只有空行）", true);
            }
            boolean store = !dryRun && run.errors.isEmpty();
            if (!store) {
                status.setRollbackOnly();
            }
            LedgerMapping used = store && !mapping.isEmpty() ? run.mappingUsed() : null;
            if (used != null) {
                mappings.remember(agencyCode, used, actor);
            }
            // By row, as the clerk corrects the sheet: a row's refusal by the aggregate is found when its batch runs,
            // after the reading errors of the rows read since. The sort is stable: a row's errors keep their order.
            List<LedgerError> errors = run.errors.stream()
                    .sorted(java.util.Comparator.comparingInt(LedgerError::row)).toList();
            return new Result(run.rows, store, errors, used);
        });
        if (result.stored()) {
            // The answer's X-Event-Position comes from the append (AppendedPositions), as for a clerk's command.
            stagedEvents.append(staging.importId());
        }
        log.info("Ledger of {} with {} rows {} in {} ms ({} errors)", agencyCode, result.rows(),
                result.stored() ? "stored" : "checked", (System.nanoTime() - started) / 1_000_000,
                result.errors().size());
        return result;
    }

    /** Thrown out of the reader when the header says the file is not a ledger: its rows mean nothing. */
    private static final class NotALedger extends RuntimeException {
        NotALedger() {
            super(null, null, false, false);
        }
    }

    /** A row read and planned: its request's id and the commands of its history. */
    private record Planned(int row, List<LedgerRows.Step> steps) {
    }

    /** One import: the header, the batch being filled, the errors so far. */
    private final class Run {
        private final String agencyCode;
        private final boolean dryRun;
        private final String actor;
        private final EventStaging staging;
        private final LedgerMapping mapping;
        private final LedgerMapping remembered;
        private List<LedgerHeader.Choice> choices = List.of();
        private final List<LedgerError> errors = new ArrayList<>();
        /** The row each case number of the file was first read on, as the registry compares numbers. */
        private final Map<String, Integer> caseNoRows = new java.util.HashMap<>();
        private final List<Planned> batch = new ArrayList<>();
        private LedgerHeader header;
        private int rows;
        private int batches;
        private final long started = System.nanoTime();
        /**
         * The agency's counting rules and existence, read once for the registrations: both are checked at the start
         * and an import is one transaction. The later commands get the running system's rules, as a clerk's do.
         */
        private final AgencyCounting.Counting counting;
        private final AgencyCounting importRules;
        private final AgencyDirectory importAgency;

        Run(String agencyCode, boolean dryRun, String actor, EventStaging staging, LedgerMapping mapping,
            LedgerMapping remembered) {
            this.agencyCode = agencyCode;
            this.mapping = mapping;
            this.remembered = remembered;
            this.dryRun = dryRun;
            this.actor = actor;
            this.staging = staging;
            this.counting = rules.forAgency(agencyCode);
            this.importRules = code -> code.equals(agencyCode) ? counting : rules.forAgency(code);
            this.importAgency = code -> code.equals(agencyCode) || agencies.exists(code);
        }

        /** The mapping this file's header was read under: the clerk's entries and the remembered ones it kept. */
        LedgerMapping mappingUsed() {
            Map<String, java.util.Optional<LedgerColumn>> used = new java.util.LinkedHashMap<>();
            java.util.Set<String> forms = new java.util.HashSet<>();
            for (LedgerHeader.Choice choice : choices) {
                boolean chosen = choice.source() == LedgerHeader.Source.MAPPED
                        || choice.source() == LedgerHeader.Source.REMEMBERED;
                // A header written twice (two ignored 备注 columns) is one entry.
                if (chosen && forms.add(LedgerColumn.headerForm(choice.header()))) {
                    used.put(choice.header(), java.util.Optional.ofNullable(choice.column()));
                }
            }
            return LedgerMapping.of(used);
        }

        void row(int row, List<String> cells) {
            if (cells.stream().allMatch(cell -> cell == null || cell.isBlank())) {
                return;
            }
            if (header == null) {
                choices = LedgerHeader.choose(cells, mapping, remembered);
                header = LedgerHeader.fromChoices(row, choices, errors);
                if (header == null) {
                    throw new NotALedger();
                }
                return;
            }
            rows++;
            Map<LedgerColumn, String> byColumn = header.cells(cells);
            boolean nameMissing = header.has(LedgerColumn.APPLICANT_NAME)
                    && !byColumn.containsKey(LedgerColumn.APPLICANT_NAME);
            if (nameMissing) {
                // The form refuses a registration without the applicant; a ledger that has the column must fill it.
                // A ledger without the column at all records none (LedgerRows.NAME_NOT_RECORDED).
                errors.add(LedgerError.at(row, LedgerColumn.APPLICANT_NAME, "请填写申请人姓名或名称"));
            }
            String caseNo = byColumn.get(LedgerColumn.CASE_NO);
            if (caseNo != null) {
                Integer first = caseNoRows.putIfAbsent(CaseNumbers.normalize(caseNo), row);
                if (first != null) {
                    // Said as it is: the number is not taken by another request of the agency, it is twice in this file.
                    errors.add(LedgerError.at(row, LedgerColumn.CASE_NO, "第" + row + "行与第" + first + "行受理编号重复（"
                            + CaseNumbers.normalize(caseNo) + "），同一受理编号在文件中只能出现一次"));
                    return;
                }
            }
            LedgerRow read = LedgerRows.read(row, byColumn, errors);
            if (read == null) {
                return;
            }
            List<LedgerError> inconsistencies = LedgerRows.inconsistencies(read);
            if (!inconsistencies.isEmpty()) {
                errors.addAll(inconsistencies);
                return;
            }
            if (nameMissing) {
                return;
            }
            batch.add(new Planned(row, LedgerRows.history(read, ids.generateId().toString(), agencyCode)));
            if (batch.size() >= batchSize) {
                flush();
            }
        }

        /**
         * The batch through the aggregate in one unit of work: committed into the import's transaction while the
         * ledger is clean and this is no dry run, else rolled back (checked, not written).
         */
        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            boolean write = !dryRun && errors.isEmpty();
            DefaultUnitOfWork<CommandMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(
                    message(batch.get(0).steps().get(0).command()));
            correlationData.forEach(unitOfWork::registerCorrelationDataProvider);
            if (write) {
                unitOfWork.attachTransaction(unitOfWorkTransactions);
                staging.attachTo(unitOfWork);
            }
            int errorsBefore = errors.size();
            try {
                for (Planned planned : batch) {
                    execute(planned);
                }
            } catch (RuntimeException | Error e) {
                unitOfWork.rollback(e);
                throw e;
            }
            if (write && errors.size() == errorsBefore) {
                unitOfWork.commit();
                // What the batch loaded stays managed until the transaction ends; a 100,000-row ledger would hold it all.
                entityManager.clear();
            } else {
                unitOfWork.rollback();
            }
            batch.clear();
            if (++batches % 20 == 0) {
                log.info("Ledger of {}: {} rows through the aggregate after {} ms", agencyCode, rows,
                        (System.nanoTime() - started) / 1_000_000);
            }
        }

        /** The row's commands in order, until the first the aggregate refuses: that refusal is the row's error. */
        private void execute(Planned planned) {
            Aggregate<DisclosureRequest> request = null;
            for (LedgerRows.Step step : planned.steps()) {
                try {
                    if (step.command() instanceof RegisterRequest register) {
                        request = requests.newInstance(() -> new DisclosureRequest(register, importRules, clock,
                                caseNumbers, importAgency));
                    } else {
                        request.handle(message(step.command()));
                    }
                } catch (Exception e) {
                    RuleViolation violation = violation(e);
                    if (violation == null) {
                        throw e instanceof RuntimeException runtime ? runtime
                                : new IllegalStateException("ledger row " + planned.row() + " failed", e);
                    }
                    errors.add(LedgerError.at(planned.row(), column(step, violation), violation.getMessage()));
                    return;
                }
            }
        }

        private CommandMessage<?> message(Object command) {
            return GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(Map.of(CommandSideConfiguration.ACTOR, actor));
        }
    }

    private static RuleViolation violation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RuleViolation violation) {
                return violation;
            }
        }
        return null;
    }

    /** The column a refusal points at: the field the rule names where a column holds it, else the step's own column. */
    private static LedgerColumn column(LedgerRows.Step step, RuleViolation violation) {
        String field = violation.field();
        Object command = step.command();
        if (command instanceof RegisterRequest) {
            if ("CASE_NO_TAKEN".equals(violation.rule()) || "caseNo".equals(field)) {
                return LedgerColumn.CASE_NO;
            }
            if ("applicant.category".equals(field)) {
                return LedgerColumn.APPLICANT_CATEGORY;
            }
            if ("applicant.name".equals(field)) {
                return LedgerColumn.APPLICANT_NAME;
            }
            if ("channel".equals(field)) {
                return LedgerColumn.CHANNEL;
            }
            if ("description".equals(field)) {
                return LedgerColumn.DESCRIPTION;
            }
            return LedgerColumn.RECEIVED_ON;
        }
        if ((command instanceof DecideRequest || command instanceof WithdrawRequest) && "note".equals(field)) {
            return LedgerColumn.OUTCOME_NOTE;
        }
        if (command instanceof DecideRequest && violation.rule().startsWith("OUTCOME_")) {
            return LedgerColumn.OUTCOME; // the outcome does not fit the history, as 逾期不补正 without a 补正
        }
        // An outcome whose deadline had not passed on the closing date (SUPPLEMENT_DEADLINE_NOT_PASSED,
        // PAYMENT_DEADLINE_NOT_PASSED) falls through to the step's own column, 办结日期: the date is what is wrong.
        if (command instanceof DecideRequest && "servedOn".equals(field)) {
            return LedgerColumn.SERVED_ON;
        }
        if (command instanceof IssueFeeNotice && "amount".equals(field)) {
            return LedgerColumn.FEE_AMOUNT;
        }
        if (command instanceof ExtendAnswerPeriod && "workingDays".equals(field)) {
            return LedgerColumn.EXTENSION_DAYS;
        }
        if (command instanceof AskForSupplement && "dueOn".equals(field)) {
            return LedgerColumn.SUPPLEMENT_DUE_ON;
        }
        return step.column();
    }
}
