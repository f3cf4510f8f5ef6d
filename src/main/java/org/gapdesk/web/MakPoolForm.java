package org.gapdesk.web;

/**
 * What was typed into a MAK pool form, kept for showing it again after a refusal. Never holds the key field of
 * the add form: a full product key typed there must not be echoed.
 *
 * @param adding true for the add form, false for the new-reading form
 * @param group the key group typed (add form)
 * @param remaining the remaining count typed
 * @param readOn the date typed
 * @param last5Choice the MAK chosen on the new-reading form, or empty
 */
public record MakPoolForm(boolean adding, String group, String remaining, String readOn, String last5Choice) {
    /** Nothing typed yet. */
    public static final MakPoolForm EMPTY = new MakPoolForm(true, "", "", "", "");
}
