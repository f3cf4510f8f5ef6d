package org.gapdesk.qr;

import java.util.ArrayList;
import java.util.List;
import org.gapdesk.activation.Product;
import org.gapdesk.activation.TestIds;

/** Deterministic QR requests for tests. */
final class QrTestData {
    static final String WINDOWS_MAK = "2de67392-b7a7-462a-b1ca-108dd189f588";
    static final String OFFICE_MAK = "fbdb3e18-a8ef-4fb3-9183-dffd60bd0984";

    private QrTestData() {
    }

    static Product windows() {
        return new Product(WINDOWS_MAK, Product.WINDOWS_APP_ID, "Windows(R), Enterprise edition", "Volume:MAK",
                "3V66T", 1);
    }

    static Product office() {
        return new Product(OFFICE_MAK, Product.OFFICE_APP_ID, "Office 21, OfficeLTSC2021ProPlus2021MAK edition",
                "Volume:MAK", "7TQ4K", 5);
    }

    /** {@code machines} machines PC-001..., each with Windows, every third also with Office. */
    static QrRequest lab(int machines, long seed) {
        TestIds ids = new TestIds(seed);
        List<QrRequest.Entry> entries = new ArrayList<>();
        for (int i = 1; i <= machines; i++) {
            String name = String.format("PC-%03d", i);
            entries.add(new QrRequest.Entry(name, false, windows(), TestIds.digits(ids.iid63())));
            if (i % 3 == 0) {
                entries.add(new QrRequest.Entry(name, false, office(), TestIds.digits(ids.iid63())));
            }
        }
        return new QrRequest("LAB-A", entries);
    }
}
