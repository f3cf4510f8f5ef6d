package org.gapdesk.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.gapdesk.activation.Machine;
import org.gapdesk.activation.Product;

/**
 * Collects what a parser reads from one file: entries, entry problems and notes. Shared by every parser so
 * that all formats apply the same field checks (the sizes the record can hold, GUID shape of IDs) and the
 * same bound on entries per file. Notes are de-duplicated and capped; tallies become one note each.
 */
final class ParsedFileBuilder {
    /** Column sizes of the record (see the V1 migration). */
    static final int MAX_LAB = 64;
    static final int MAX_MACHINE_NAME = 255;
    static final int MAX_PRODUCT_NAME = 255;
    static final int MAX_CHANNEL = 64;
    static final int MAX_PARTIAL_KEY = 16;
    private static final int MAX_NOTES = 100;
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final String fileName;
    private final String format;
    private final IntakeLimits limits;
    private final List<IntakeEntry> entries = new ArrayList<>();
    private final List<EntryProblem> problems = new ArrayList<>();
    private final Set<String> notes = new LinkedHashSet<>();
    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    private int droppedNotes;

    private static final class Tally {
        int count;
        final String first;

        Tally(String first) {
            this.first = first;
        }
    }

    ParsedFileBuilder(String fileName, String format, IntakeLimits limits) {
        this.fileName = fileName;
        this.format = format;
        this.limits = limits;
    }

    String fileName() {
        return fileName;
    }

    /**
     * Adds an entry, or an entry problem when a field does not fit the record (name too long, Activation ID
     * not a GUID, control characters in a name).
     *
     * @throws FileRejectedException when the file brings more entries than {@link IntakeLimits#maxEntriesPerFile()}
     */
    void entry(String where, Machine machine, Product product, String iidText) throws FileRejectedException {
        String bad = fieldProblem(machine, product);
        if (bad != null) {
            problem(where, machine.name(), where + ": " + bad);
            return;
        }
        checkCount();
        entries.add(new IntakeEntry(where, machine, product, iidText));
    }

    /** Adds an entry the parser could not use; {@code message} names where it stood. */
    void problem(String where, String machineName, String message) throws FileRejectedException {
        checkCount();
        String name = machineName == null ? "" : machineName;
        problems.add(new EntryProblem(where, name.length() > MAX_MACHINE_NAME ? name.substring(0, MAX_MACHINE_NAME)
                : name, message));
    }

    /** Adds a note for the operator, once; past 100 notes only a count of the rest is kept. */
    void note(String text) {
        if (notes.contains(text)) {
            return;
        }
        if (notes.size() >= MAX_NOTES) {
            droppedNotes++;
            return;
        }
        notes.add(text);
    }

    /** Counts an occurrence of {@code what}; it becomes one note {@code what: N (first at where)}. */
    void tally(String what, String where) {
        tallies.computeIfAbsent(what, k -> new Tally(where)).count++;
    }

    ParsedFile build() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Tally> t : tallies.entrySet()) {
            out.add(t.getKey() + ": " + t.getValue().count + " (first at " + t.getValue().first + ")");
        }
        out.addAll(notes);
        if (droppedNotes > 0) {
            out.add(droppedNotes + " more notes not shown");
        }
        return new ParsedFile(fileName, format, entries, problems, out);
    }

    private void checkCount() throws FileRejectedException {
        if (entries.size() + problems.size() >= limits.maxEntriesPerFile()) {
            throw new FileRejectedException(fileName + ": more than " + limits.maxEntriesPerFile()
                    + " entries; split the file");
        }
    }

    /** Why the machine or product cannot be stored as given, or null when it can. */
    static String fieldProblem(Machine machine, Product product) {
        if (machine.lab().length() > MAX_LAB) {
            return "lab code is longer than " + MAX_LAB + " characters";
        }
        if (hasControl(machine.lab())) {
            return "lab code holds a control character";
        }
        if (machine.name().length() > MAX_MACHINE_NAME) {
            return "machine name is longer than " + MAX_MACHINE_NAME + " characters";
        }
        if (hasControl(machine.name())) {
            return "machine name holds a control character";
        }
        if (product.name().length() > MAX_PRODUCT_NAME) {
            return "product name is longer than " + MAX_PRODUCT_NAME + " characters";
        }
        if (product.activationId() != null && !GUID.matcher(product.activationId()).matches()) {
            return "Activation ID '" + shorten(product.activationId()) + "' is not a GUID";
        }
        if (product.applicationId() != null && !GUID.matcher(product.applicationId()).matches()) {
            return "Application ID '" + shorten(product.applicationId()) + "' is not a GUID";
        }
        if (product.channel() != null && product.channel().length() > MAX_CHANNEL) {
            return "channel is longer than " + MAX_CHANNEL + " characters";
        }
        if (product.partialKey() != null && product.partialKey().length() > MAX_PARTIAL_KEY) {
            return "partial key is longer than " + MAX_PARTIAL_KEY + " characters (it is the last 5 characters of"
                    + " the key)";
        }
        return null;
    }

    /** {@code s} cut to 40 characters for quoting in a message, control characters shown as '?'. */
    static String shorten(String s) {
        String t = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        StringBuilder sb = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            sb.append(Character.isISOControl(c) ? '?' : c);
        }
        return sb.toString();
    }

    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
