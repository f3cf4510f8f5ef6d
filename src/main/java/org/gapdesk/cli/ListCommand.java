package org.gapdesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.gapdesk.Kiosk;
import org.gapdesk.activation.ActivationRequest;
import org.gapdesk.activation.ConfirmationId;
import org.gapdesk.activation.IdFormatException;
import org.gapdesk.activation.RequestState;
import org.gapdesk.export.CsvWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gapdesk list}: the activation requests in the record, newest first, as a table, CSV or JSON. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List activation requests, newest first.")
public final class ListCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format { table, csv, json }

    @Mixin
    CommandContext context;

    @Option(names = "--lab", paramLabel = "L", description = "Only this lab.")
    String lab;

    @Option(names = "--state", paramLabel = "S", converter = StateConverter.class,
            description = "Only this state: received, on_worksheet, confirmed, exported, applied, failed,"
                    + " superseded, kms_client.")
    RequestState state;

    @Option(names = "--search", paramLabel = "Q", description = "Host name text, or IID digits.")
    String search;

    @Option(names = "--format", paramLabel = "F", defaultValue = "table",
            description = "table, csv or json (default: ${DEFAULT-VALUE}). CSV is safe to open in a spreadsheet.")
    Format format;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "200",
            description = "Most requests listed (default: ${DEFAULT-VALUE}).")
    int limit;

    /**
     * One request as listed.
     *
     * @param id request id
     * @param lab lab code
     * @param machine host name or alias
     * @param alias true when {@code machine} is an alias
     * @param product product name
     * @param activationId Activation ID, or null
     * @param channel key channel, or null
     * @param state state label
     * @param iid IID in groups
     * @param cid CID in blocks, or null
     * @param cidReused true when the CID came from the store
     * @param supersededBy id of the replacing request, or null
     * @param importId import that brought it in
     * @param createdAt when imported (ISO-8601)
     * @param updatedAt last change (ISO-8601)
     */
    record Row(long id, String lab, String machine, boolean alias, String product, String activationId,
            String channel, String state, String iid, String cid, boolean cidReused, Long supersededBy,
            long importId, String createdAt, String updatedAt) {
        static Row of(ActivationRequest r) {
            return new Row(r.id(), r.machine().lab(), r.machine().name(), r.machine().alias(), r.product().name(),
                    r.product().activationId(), r.product().channel(), r.state().label(), r.iid().grouped(),
                    cidGrouped(r.cid()), r.cidReused(), r.supersededBy(), r.importId(), r.createdAt().toString(),
                    r.updatedAt().toString());
        }
    }

    @Override
    public Integer call() throws Exception {
        if (limit < 1) {
            throw new CommandLine.ParameterException(context.commandLine(), "--limit must be at least 1");
        }
        List<Row> rows = new ArrayList<>();
        try (Kiosk kiosk = context.openKiosk()) {
            for (ActivationRequest r : kiosk.requests().list(lab, state, search, limit)) {
                rows.add(Row.of(r));
            }
        }
        PrintWriter out = context.out();
        switch (format) {
            case csv -> csv(out, rows);
            case json -> json(out, rows);
            default -> table(out, rows);
        }
        out.flush();
        return CommandLine.ExitCode.OK;
    }

    private static void csv(PrintWriter out, List<Row> rows) {
        CsvWriter csv = new CsvWriter(out);
        csv.row("id", "lab", "machine", "alias", "product", "activation_id", "channel", "state", "iid", "cid",
                "cid_reused", "superseded_by", "import_id", "created_at", "updated_at");
        for (Row r : rows) {
            csv.row(r.id(), r.lab(), r.machine(), String.valueOf(r.alias()), r.product(), r.activationId(),
                    r.channel(), r.state(), r.iid(), r.cid(), String.valueOf(r.cidReused()), r.supersededBy(),
                    r.importId(), r.createdAt(), r.updatedAt());
        }
        csv.flush();
    }

    private static void json(PrintWriter out, List<Row> rows) throws Exception {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        out.println(json.writeValueAsString(rows));
    }

    private static void table(PrintWriter out, List<Row> rows) {
        if (rows.isEmpty()) {
            out.println("No requests match.");
            return;
        }
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"ID", "LAB", "MACHINE", "PRODUCT", "CHANNEL", "STATE", "IID"});
        for (Row r : rows) {
            cells.add(new String[] {String.valueOf(r.id()), Printable.of(r.lab()),
                Printable.of(r.machine()) + (r.alias() ? " (alias)" : ""), Printable.of(r.product()),
                r.channel() == null ? "-" : Printable.of(r.channel()),
                r.state() + (r.cidReused() ? " (stored CID)" : ""), r.iid()});
        }
        int[] widths = new int[cells.get(0).length];
        for (String[] row : cells) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : cells) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == 0 ? "" : "  ");
                line.append(i == row.length - 1 ? row[i] : pad(row[i], widths[i]));
            }
            out.println(line);
        }
        out.println(rows.size() + (rows.size() == 1 ? " request" : " requests"));
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }

    private static String cidGrouped(String digits) {
        if (digits == null) {
            return null;
        }
        try {
            return ConfirmationId.parse(digits).grouped();
        } catch (IdFormatException e) {
            return digits;
        }
    }

    /** Reads {@code --state} by enum name or label, as {@link RequestState#parse} does. */
    static final class StateConverter implements CommandLine.ITypeConverter<RequestState> {
        @Override
        public RequestState convert(String value) {
            try {
                return RequestState.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
