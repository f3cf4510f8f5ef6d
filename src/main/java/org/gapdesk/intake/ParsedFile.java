package org.gapdesk.intake;

import java.util.List;

/**
 * What a parser read from one file.
 *
 * @param fileName the file's display name
 * @param format the format it was read as, e.g. {@code gapdesk-request}
 * @param entries the IIDs found, in file order
 * @param problems entries that could not be used, each with a reason
 * @param notes things the parser saw but could not map (shown to the operator, never silently dropped)
 */
public record ParsedFile(String fileName, String format, List<IntakeEntry> entries, List<EntryProblem> problems,
        List<String> notes) {
    public ParsedFile {
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }
}
