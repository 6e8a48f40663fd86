package io.voidvm.vm.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.voidvm.contracts.vm.event.VmStatusChanged;
import io.voidvm.vm.lifecycle.app.OperationTracker;
import io.voidvm.vm.lifecycle.app.QuotaAdmission;
import io.voidvm.vm.lifecycle.db.VmRepository;
import io.voidvm.vm.lifecycle.domain.Observation;
import io.voidvm.vm.lifecycle.domain.Vm;
import io.voidvm.vm.vmlog.app.VmLog;
import io.voidvm.vm.vmlog.domain.VmLogEntry;
import io.voidvm.vm.vmlog.domain.VmLogKind;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Takes one node's word about one VM, inside the caller's transaction: a single {@code VmStatusChanged} or an
 * entry of a node's full report (ADR 0011). The VM row is locked, the report checked against the node the VM is
 * placed on, and {@link Vm#observe} decides by generation and time; what it took is stored, the VM's open
 * operations re-evaluated and, where it explains something, written to the VM's log: a change with a reason, or a
 * status a full report corrected. A VM the report says is gone is removed, and its tenant's usage reported after
 * the commit. A report at a generation vm-service never issued is refused with a WARN and counted in
 * {@value #REFUSED_METER}.
 */
@Component
public class StatusIntake {

    /** Reports refused, by {@code reason} and {@code source}. */
    public static final String REFUSED_METER = "voidvm.vm.reports.refused";

    /** Where a report came from; a tag of the refusal meter. */
    public enum Source { EVENT, FULL_REPORT }

    /**
     * What became of a report.
     *
     * @param outcome {@code null} when the VM is unknown or placed on another node
     * @param before  the VM as it was; {@code null} when unknown
     * @param after   the VM as stored; equal to {@code before} when nothing changed
     */
    public record Taken(Observation.Outcome outcome, Vm before, Vm after) {

        static final Taken UNKNOWN_VM = new Taken(null, null, null);

        /** Whether the report changed the VM's row. */
        public boolean applied() {
            return before != null && after != before;
        }

        public boolean unknownVm() {
            return before == null;
        }

        /** Whether the report moved the VM to another status (a correction, when a full report did it). */
        public boolean statusChanged() {
            return applied() && before.status() != after.status();
        }
    }

    private static final Logger log = LoggerFactory.getLogger(StatusIntake.class);

    private final VmRepository vms;
    private final OperationTracker tracker;
    private final VmLog vmLog;
    private final QuotaAdmission quotas;
    private final Counter refusedFromEvents;
    private final Counter refusedFromFullReports;

    StatusIntake(VmRepository vms, OperationTracker tracker, VmLog vmLog, QuotaAdmission quotas,
                 MeterRegistry meters) {
        this.vms = Objects.requireNonNull(vms, "vms");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.vmLog = Objects.requireNonNull(vmLog, "vmLog");
        this.quotas = Objects.requireNonNull(quotas, "quotas");
        this.refusedFromEvents = refused(meters, Source.EVENT);
        this.refusedFromFullReports = refused(meters, Source.FULL_REPORT);
    }

    /** Applies {@code report} from {@code nodeName} to VM {@code vmId}; call inside a transaction. */
    public Mono<Taken> take(UUID vmId, String nodeName, VmStatusChanged report, Source source, Instant now) {
        return vms.findForUpdate(vmId)
                .flatMap(vm -> {
                    if (nodeName != null && vm.nodeName() != null && !nodeName.equals(vm.nodeName())) {
                        log.warn("vm {}: ignoring {} from node {}, the VM is placed on {}", vm.id(), report.status(),
                                nodeName, vm.nodeName());
                        return Mono.just(new Taken(null, vm, vm));
                    }
                    Observation observation = vm.observe(report, now);
                    if (observation.outcome() == Observation.Outcome.NEVER_ISSUED) {
                        refuse(vm, nodeName, report, source);
                    } else {
                        log.debug("vm {}: {} generation {} from node {} ({}): {}", vm.id(), report.status(),
                                report.generation(), nodeName, source, observation.outcome());
                    }
                    if (!observation.changed()) {
                        return Mono.just(new Taken(observation.outcome(), vm, vm));
                    }
                    Vm observed = observation.vm();
                    // a VM gone is a delete done: its tenant's usage is reported once this transaction commits
                    Mono<Vm> stored = observed.isGone()
                            ? vms.delete(vm).then(quotas.reportAfterCommit(vm.tenantId())).thenReturn(observed)
                            : vms.update(observed);
                    return stored.flatMap(saved -> tracker.trackOpen(saved, now)
                            .then(logEntry(vm, observed, source, report))
                            .thenReturn(new Taken(observation.outcome(), vm, saved)));
                })
                .defaultIfEmpty(Taken.UNKNOWN_VM);
    }

    /**
     * A status a full report changed is a correction (its own event was lost): "status corrected by node X's report:
     * was STARTING, is RUNNING". Anything else is logged when it carries a reason.
     */
    private Mono<Void> logEntry(Vm before, Vm after, Source source, VmStatusChanged report) {
        String node = VmLogEntry.node(before.nodeName());
        if (source == Source.FULL_REPORT && before.status() != after.status()) {
            String why = after.statusReason() == null ? "" : " (" + after.statusReason() + ")";
            String reason = "status corrected by node " + before.nodeName() + "'s report: was " + before.status()
                    + ", is " + after.status() + why;
            return vmLog.record(after, VmLogKind.STATUS_CORRECTED, after.status(), reason, node, report.observedAt());
        }
        return vmLog.recordChange(before, after, VmLogKind.NODE_REPORT, node, report.observedAt());
    }

    private void refuse(Vm vm, String nodeName, VmStatusChanged report, Source source) {
        log.warn("vm {}: refused {} from node {} at generation {}: vm-service has issued only up to generation {}"
                        + " ({}); the VM keeps status {}", vm.id(), report.status(), nodeName, report.generation(),
                vm.generation(), source, vm.status());
        (source == Source.EVENT ? refusedFromEvents : refusedFromFullReports).increment();
    }

    private static Counter refused(MeterRegistry meters, Source source) {
        return Counter.builder(REFUSED_METER)
                .description("Status reports vm-service refused (a generation it never issued)")
                .tag("reason", "never-issued-generation")
                .tag("source", source.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .register(meters);
    }

}
