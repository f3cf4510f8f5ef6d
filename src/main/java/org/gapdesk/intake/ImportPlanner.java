package org.gapdesk.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gapdesk.activation.ActivationRequest;
import org.gapdesk.activation.IdFormatException;
import org.gapdesk.activation.InstallationId;
import org.gapdesk.activation.Machine;

/**
 * Decides, entry by entry and in file order, what an import does. The rules:
 * <ol>
 * <li>An invalid IID is rejected with the reason (group, expected check digit).
 * <li>An IID that is already an open request, or stood earlier in this import, is already known.
 * <li>A {@code Volume:GVLK} product is recorded as a KMS client and not queued for the phone.
 * <li>An IID whose CID is in the store is confirmed from the store (no call, no MAK activation).
 * <li>A new IID for a machine and product that has an open request supersedes that request.
 * <li>Anything else is new.
 * </ol>
 * Rules 3 to 5 also supersede older open requests of the same machine and product.
 */
final class ImportPlanner {
    /** What the record holds that matters to planning, loaded in bulk before planning starts. */
    record RecordView(Map<String, ActivationRequest> openByIid, Map<String, List<ActivationRequest>> holdersBySlot,
            Map<String, String> cidByIid) {
    }

    private final RecordView record;
    private final Map<String, String> seenIids = new HashMap<>();
    private final Map<String, String> plannedSlots = new HashMap<>();

    ImportPlanner(RecordView record) {
        this.record = record;
    }

    static String slot(Machine machine, String slotKey) {
        return machine.lab() + '\u0000' + machine.name() + '\u0000' + slotKey;
    }

    /** Plans the entries and problems of one parsed file. */
    List<PlannedEntry> plan(ParsedFile file) {
        List<PlannedEntry> out = new ArrayList<>(file.entries().size() + file.problems().size());
        for (IntakeEntry e : file.entries()) {
            out.add(plan(file.fileName(), e));
        }
        for (EntryProblem p : file.problems()) {
            out.add(new PlannedEntry(file.fileName(), p.where(), new Machine("", p.machineName(), false),
                    new org.gapdesk.activation.Product(null, null, "", null, null, null), null, Outcome.REJECTED,
                    p.message(), List.of(), null));
        }
        return out;
    }

    private PlannedEntry plan(String file, IntakeEntry e) {
        InstallationId iid;
        try {
            iid = InstallationId.parse(e.iidText());
        } catch (IdFormatException ex) {
            return planned(file, e, null, Outcome.REJECTED, ex.getMessage(), List.of(), null);
        }
        if (e.machine().name().isEmpty()) {
            return planned(file, e, iid, Outcome.REJECTED, "no machine name or alias", List.of(), null);
        }
        String here = file + " " + e.where();
        String earlier = seenIids.putIfAbsent(iid.digits(), here);
        if (earlier != null) {
            return planned(file, e, iid, Outcome.ALREADY_KNOWN, "same IID as " + earlier + " in this import",
                    List.of(), null);
        }
        ActivationRequest open = record.openByIid().get(iid.digits());
        if (open != null) {
            return planned(file, e, iid, Outcome.ALREADY_KNOWN, "already request " + open.id() + " ("
                    + open.state().label() + ") for " + open.machine().name(), List.of(), null);
        }
        String slot = slot(e.machine(), e.product().slotKey());
        String earlierInSlot = plannedSlots.put(slot, here);
        List<Long> supersedes = new ArrayList<>();
        if (earlierInSlot == null) {
            // Held requests go to the first entry for the slot; later entries replace that one.
            for (ActivationRequest held : record.holdersBySlot().getOrDefault(slot, List.of())) {
                supersedes.add(held.id());
            }
        }
        String slotNote = earlierInSlot == null ? "" : "; replaces the entry at " + earlierInSlot;
        String cid = record.cidByIid().get(iid.digits());
        if (e.product().isKmsClient()) {
            return planned(file, e, iid, Outcome.KMS_CLIENT, "channel " + e.product().channel()
                    + ": a KMS client; needs a KMS host or a MAK (slmgr /ipk), not a call" + slotNote, supersedes,
                    null);
        }
        if (cid != null) {
            return planned(file, e, iid, Outcome.REUSED_FROM_STORE,
                    "CID on record for this IID: confirmed without a call, no MAK activation spent"
                            + supersedeNote(supersedes) + slotNote, supersedes, cid);
        }
        if (!supersedes.isEmpty() || earlierInSlot != null) {
            return planned(file, e, iid, Outcome.SUPERSEDES, "new IID for this machine and product"
                    + supersedeNote(supersedes) + slotNote, supersedes, null);
        }
        return planned(file, e, iid, Outcome.NEW, "queued for a worksheet", List.of(), null);
    }

    private static String supersedeNote(List<Long> ids) {
        if (ids.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("; supersedes request");
        sb.append(ids.size() == 1 ? " " : "s ");
        for (int i = 0; i < ids.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(ids.get(i));
        }
        return sb.toString();
    }

    private static PlannedEntry planned(String file, IntakeEntry e, InstallationId iid, Outcome outcome,
            String reason, List<Long> supersedes, String cid) {
        return new PlannedEntry(file, e.where(), e.machine(), e.product(), iid, outcome, reason, supersedes, cid);
    }
}
