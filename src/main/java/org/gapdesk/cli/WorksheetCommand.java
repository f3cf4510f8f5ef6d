package org.gapdesk.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import org.gapdesk.Kiosk;
import org.gapdesk.activation.RequestState;
import org.gapdesk.batch.ActivationChannel;
import org.gapdesk.batch.Batch;
import org.gapdesk.batch.BatchCriteria;
import org.gapdesk.batch.BatchException;
import org.gapdesk.batch.BatchService;
import org.gapdesk.config.Lab;
import org.gapdesk.mail.MailResult;
import org.gapdesk.mail.MailSettings;
import org.gapdesk.mail.Mailer;
import org.gapdesk.mail.WorksheetMailer;
import org.gapdesk.store.StateCount;
import org.gapdesk.worksheet.Worksheet;
import org.gapdesk.worksheet.WorksheetService;
import org.gapdesk.operator.Role;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gapdesk worksheet}: puts a lab's received requests on a new batch and writes its worksheet PDF, or
 * reprints an existing batch.
 */
@Command(name = "worksheet", mixinStandardHelpOptions = true,
        description = {"Write a worksheet PDF.",
                "Without --batch: puts the lab's received requests (KMS clients excepted, none already on an open"
                        + " batch) on a new batch, moves them to 'on worksheet' and writes its worksheet.",
                "With --batch: reprints that batch, same machines in the same order."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:worksheet written", "1:could not write the file, or the kiosk database is in use",
                "2:nothing to print (no such batch, no received requests) or a wrong command line"})
public final class WorksheetCommand implements Callable<Integer> {
    @Mixin
    CommandContext context;

    @Option(names = "--lab", paramLabel = "L",
            description = "Lab whose received requests go on the new batch (default: the only lab with any).")
    String lab;

    @Option(names = "--batch", paramLabel = "B", description = "Reprint this batch instead of making a new one.")
    Long batch;

    @Option(names = "--channel", paramLabel = "phone|portal", converter = ChannelConverter.class,
            description = "Layout of a new batch: phone (IVR answers) or portal (a QR code per machine)."
                    + " Default: portal.")
    ActivationChannel channel;

    @Option(names = "--out", paramLabel = "FILE.pdf", required = true, description = "Where to write the PDF.")
    Path out;

    @Option(names = "--operator", paramLabel = "NAME",
            description = "Name recorded on the batch" + CliOperator.OPTION_HELP)
    String operator;

    @Option(names = "--mail", description = "Also mail the PDF to the recipients in mail.json (if mail is on).")
    boolean mail;

    @Override
    public Integer call() {
        if (Files.isDirectory(out)) {
            throw new CliException("--out " + out + " is a folder; name the PDF file", CommandLine.ExitCode.USAGE);
        }
        PrintWriter stdout = context.out();
        try (Kiosk kiosk = context.openKiosk()) {
            String who = context.operator(kiosk, operator, Role.OPERATOR);
            BatchService batches = new BatchService(kiosk.database(), Clock.systemUTC());
            WorksheetService worksheets = new WorksheetService(kiosk.config(), batches,
                    () -> kiosk.key().fingerprint(), ZoneId.systemDefault());
            Batch b;
            try {
                b = batch != null ? reprint(batches, batch) : batches.create(
                        BatchCriteria.received(lab != null ? lab : onlyLabWithReceived(kiosk)),
                        channel != null ? channel : ActivationChannel.PORTAL, who);
            } catch (BatchException e) {
                throw new CliException(e.getMessage(), CommandLine.ExitCode.USAGE);
            }
            Worksheet ws = worksheets.worksheet(b.id());
            byte[] pdf = worksheets.pdf(ws);
            try {
                WorksheetService.writeFile(pdf, out);
            } catch (UncheckedIOException e) {
                throw new CliException(e.getMessage() + (batch != null ? "" : "; batch " + b.id()
                        + " was made: reprint it with --batch " + b.id()));
            }
            stdout.println((batch != null ? "Reprinted batch " : "Batch ") + b.id() + " (" + b.lab() + ", "
                    + b.channel().key() + (b.isOpen() ? "" : ", closed") + "): " + ws.entries().size()
                    + (ws.entries().size() == 1 ? " IID on " : " IIDs on ") + ws.machineCount()
                    + (ws.machineCount() == 1 ? " machine" : " machines"));
            stdout.println("Worksheet: " + out.toAbsolutePath());
            stdout.flush();
            if (mail) {
                MailResult sent = new WorksheetMailer(new Mailer(MailSettings.load(kiosk.home().config()),
                        Clock.systemUTC())).send(ws, pdf);
                PrintWriter where = sent.sent() ? stdout : context.err();
                where.println((sent.sent() ? "Mail: " : "gapdesk: warning: ") + sent.message());
                where.flush();
            }
            return CommandLine.ExitCode.OK;
        }
    }

    private Batch reprint(BatchService batches, long id) {
        Batch b = batches.find(id).orElseThrow(() -> new BatchException("there is no batch " + id));
        if (channel != null && channel != b.channel()) {
            throw new BatchException("batch " + id + " was made for the " + b.channel().key()
                    + " channel; a reprint keeps it (make a new batch for the " + channel.key() + " channel)");
        }
        if (lab != null && !lab.equalsIgnoreCase(b.lab())) {
            throw new BatchException("batch " + id + " is for lab " + b.lab() + ", not " + lab);
        }
        return b;
    }

    /** The lab to use when none is named: the one lab with received requests. */
    private static String onlyLabWithReceived(Kiosk kiosk) {
        List<String> labs = kiosk.requests().counts().stream()
                .filter(c -> c.state() == RequestState.RECEIVED && c.count() > 0).map(StateCount::lab).distinct()
                .toList();
        if (labs.size() == 1) {
            return labs.get(0);
        }
        if (labs.isEmpty()) {
            List<Lab> configured = kiosk.config().site().labs();
            throw new BatchException("no lab has received requests waiting for a worksheet"
                    + (configured.isEmpty() ? "" : " (labs: " + String.join(", ",
                            configured.stream().map(Lab::code).toList()) + ")"));
        }
        throw new BatchException("several labs have received requests; choose one with --lab: "
                + String.join(", ", labs));
    }

    /** Parses {@code phone} or {@code portal}. */
    static final class ChannelConverter implements CommandLine.ITypeConverter<ActivationChannel> {
        @Override
        public ActivationChannel convert(String value) {
            try {
                return ActivationChannel.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
