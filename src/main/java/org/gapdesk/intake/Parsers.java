package org.gapdesk.intake;

import java.util.List;

/** The parsers Gapdesk ships, in detection order. */
public final class Parsers {
    private Parsers() {
    }

    /**
     * Gapdesk request JSON, VAMT CIL/CILX, captured slmgr/ospp text, CSV with a header. The order matters:
     * each parser recognizes by content first, and the most specific formats are asked first.
     */
    public static List<FileParser> standard() {
        return List.of(new RequestFileParser(), new CilParser(),
                new QrTextParser(), // QR text (GD1 parts, bare IIDs) before slmgr text: a scan may mix both
                new ActivationTextParser(), new CsvParser());
    }
}
