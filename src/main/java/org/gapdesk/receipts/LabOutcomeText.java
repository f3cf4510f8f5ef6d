package org.gapdesk.receipts;

import java.util.Map;
import org.gapdesk.activation.InstallationId;
import org.gapdesk.lab.Hresult;
import org.gapdesk.lab.ResultEntry;
import org.gapdesk.lab.ResultsFile;

/** The readable reason the kiosk records for a failed or skipped lab result. */
public final class LabOutcomeText {
    private static final Map<String, String> BY_HRESULT = Map.of(
            Hresult.format(Hresult.CID_INVALID), "CID mistyped: re-enter the CID",
            Hresult.format(Hresult.CHECK_DIGITS_INVALID), "IID or CID check digits invalid: re-enter the CID",
            Hresult.format(Hresult.MAK_LIMIT), "MAK activation limit reached",
            Hresult.format(Hresult.HARDWARE_CHANGED), "hardware changed: a new IID is needed",
            Hresult.format(Hresult.KEY_BLOCKED), "key blocked");

    private LabOutcomeText() {
    }

    /**
     * The reason for a failed or skipped entry, e.g. {@code CID mistyped: re-enter the CID} for 0xC004F02C;
     * for an applied entry, {@code applied, LicenseStatus 1}.
     */
    public static String of(ResultEntry e) {
        if (ResultsFile.APPLIED.equals(e.outcome())) {
            return "applied, LicenseStatus 1";
        }
        String reason = e.reason() == null ? "" : e.reason();
        return switch (reason) {
            case ResultsFile.DEPOSIT_FAILED -> BY_HRESULT.getOrDefault(e.hresult(), "deposit failed with "
                    + e.hresult());
            case ResultsFile.IID_MISMATCH -> "the machine's IID changed since collection: collect again"
                    + (e.currentInstallationId() == null ? "" : " (it shows " + shown(e.currentInstallationId())
                    + " now)");
            case ResultsFile.PRODUCT_NOT_FOUND -> "the product is not installed on the machine (no product with"
                    + " that Activation ID): collect again";
            case ResultsFile.NOT_LICENSED -> "the CID was accepted but LicenseStatus is " + e.licenseStatus()
                    + ", not 1 (licensed)";
            case ResultsFile.NOT_THIS_MACHINE -> "skipped by the lab: no machine of that run answers to "
                    + e.machine();
            default -> e.outcome() + (reason.isEmpty() ? "" : " (" + reason + ")");
        };
    }

    private static String shown(String digits) {
        InstallationId iid = InstallationId.tryParse(digits);
        return iid == null ? digits : iid.grouped();
    }
}
