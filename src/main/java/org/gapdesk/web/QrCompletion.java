package org.gapdesk.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gapdesk.intake.FilePreview;
import org.gapdesk.intake.ImportPreview;
import org.gapdesk.intake.Outcome;
import org.gapdesk.intake.PlannedEntry;

/**
 * What the import would do with a completed QR message, from intake's preview of it (nothing stored): for the
 * live feedback on the {@code /qr} page, e.g. which machines are already known.
 *
 * @param lab the message's lab
 * @param machines distinct machine names, in order
 * @param summary the preview's summary, e.g. {@code 8 new, 2 already known}
 * @param notable machines with an entry that is not simply new, with the outcomes' words, e.g.
 *     {@code PC-003: already known}
 * @param rejection why intake rejects the message as a whole, or null
 */
public record QrCompletion(String lab, List<String> machines, String summary, List<String> notable,
        String rejection) {
    public QrCompletion {
        machines = List.copyOf(machines);
        notable = List.copyOf(notable);
    }

    /** Reads intake's preview of one completed message. */
    static QrCompletion of(String lab, ImportPreview preview) {
        Set<String> machines = new LinkedHashSet<>();
        Map<String, Set<String>> outcomes = new LinkedHashMap<>();
        String rejection = null;
        for (FilePreview f : preview.files()) {
            if (f.rejected()) {
                rejection = f.rejection();
            }
        }
        for (PlannedEntry e : preview.entries()) {
            String name = e.machine().name();
            machines.add(name);
            if (e.outcome() != Outcome.NEW) {
                outcomes.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(e.outcome().label());
            }
        }
        List<String> notable = new ArrayList<>();
        outcomes.forEach((name, labels) -> notable.add(name + ": " + String.join(", ", labels)));
        return new QrCompletion(lab, new ArrayList<>(machines), preview.summary(), notable, rejection);
    }
}
