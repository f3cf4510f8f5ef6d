package org.gapdesk.intake;

import java.util.List;

/** Picks the parser for a file: the first, in order, that recognizes it. */
public final class FormatDetector {
    private final List<FileParser> parsers;

    public FormatDetector(List<FileParser> parsers) {
        this.parsers = List.copyOf(parsers);
    }

    /** The parser for {@code file}, or null when no parser recognizes it. */
    public FileParser detect(UploadedFile file) {
        for (FileParser p : parsers) {
            if (p.recognizes(file)) {
                return p;
            }
        }
        return null;
    }

    public List<FileParser> parsers() {
        return parsers;
    }
}
