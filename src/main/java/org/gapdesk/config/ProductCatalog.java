package org.gapdesk.config;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gapdesk.activation.Product;

/**
 * Maps products to families: by Activation ID when the site has catalogued it, else by Application ID and
 * name (Windows, Windows Server, Office 2010, Office 2013 and later).
 */
public final class ProductCatalog {
    private final Map<String, CatalogEntry> byActivationId = new HashMap<>();

    public ProductCatalog(List<CatalogEntry> entries) {
        for (CatalogEntry e : entries) {
            byActivationId.put(e.activationId().toLowerCase(Locale.ROOT), e);
        }
    }

    /** The catalogue entry for an Activation ID, or null. */
    public CatalogEntry find(String activationId) {
        return activationId == null ? null : byActivationId.get(activationId.toLowerCase(Locale.ROOT));
    }

    /** The product family: the catalogue's when known, else derived from the Application ID and name. */
    public String family(Product p) {
        CatalogEntry e = find(p.activationId());
        if (e != null && e.family() != null) {
            return e.family();
        }
        String name = p.name().toLowerCase(Locale.ROOT);
        String app = p.applicationId() == null ? "" : p.applicationId();
        if (app.equals(Product.OFFICE_APP_ID) || (app.isEmpty() && name.contains("office") && !name.contains("2010"))) {
            return "Office";
        }
        if (app.equals(Product.OFFICE_2010_APP_ID) || name.contains("office")) {
            return "Office 2010";
        }
        if (name.contains("server")) {
            return "Windows Server";
        }
        if (app.equals(Product.WINDOWS_APP_ID) || name.contains("windows")) {
            return "Windows";
        }
        return "Other";
    }

    public int size() {
        return byActivationId.size();
    }
}
