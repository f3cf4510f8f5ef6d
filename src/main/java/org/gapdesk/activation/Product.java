package org.gapdesk.activation;

import java.util.Locale;

/**
 * A licensed product on a lab machine, as {@code SoftwareLicensingProduct} describes it. Every field but
 * the name may be unknown (null) when the source did not carry it, e.g. captured {@code slmgr /dti} text.
 *
 * @param activationId the SKU GUID, lower case, or null
 * @param applicationId Windows, Office 2010 or Office 2013+ application GUID, or null
 * @param name product name as reported, never null (may be empty)
 * @param channel {@code ProductKeyChannel}, e.g. {@code Volume:MAK}, or null
 * @param partialKey last five characters of the installed key, or null
 * @param licenseStatus {@code LicenseStatus} 0..6, or null
 */
public record Product(String activationId, String applicationId, String name, String channel, String partialKey,
        Integer licenseStatus) {

    /** Application ID of Windows. */
    public static final String WINDOWS_APP_ID = "55c92734-d682-4d71-983e-d6ec3f16059f";
    /** Application ID of Office 2013 and later. */
    public static final String OFFICE_APP_ID = "0ff1ce15-a989-479d-af46-f275c6370663";
    /** Application ID of Office 2010. */
    public static final String OFFICE_2010_APP_ID = "59a52881-a989-479d-af46-f275c6370663";

    public Product {
        activationId = lowerOrNull(activationId);
        applicationId = lowerOrNull(applicationId);
        name = name == null ? "" : name.strip();
        channel = blankToNull(channel);
        partialKey = blankToNull(partialKey);
    }

    /**
     * True for a KMS client ({@code Volume:GVLK}, or a description naming the KMSCLIENT channel): telephone
     * activation does not apply to it.
     */
    public boolean isKmsClient() {
        String c = channel == null ? "" : channel.toUpperCase(Locale.ROOT);
        return c.equals("VOLUME:GVLK") || c.contains("KMSCLIENT") || c.contains("KMS_CLIENT");
    }

    /**
     * The key that identifies "this product on this machine" for superseding: the Activation ID when known,
     * else the product name.
     */
    public String slotKey() {
        return activationId != null ? activationId : name.toLowerCase(Locale.ROOT);
    }

    private static String lowerOrNull(String s) {
        s = blankToNull(s);
        return s == null ? null : s.toLowerCase(Locale.ROOT).replace("{", "").replace("}", "");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
