package org.gapdesk.web;

/**
 * One lab toolkit zip offered on the toolkit page.
 *
 * @param lab the lab it is for, or null for the one that asks for {@code -Lab}
 * @param fileName the download's name
 * @param size byte count
 * @param sha256 SHA-256 hex of the zip, to compare after copying it into the lab
 * @param link where to download it
 */
public record ToolkitZip(String lab, String fileName, long size, String sha256, String link) {
}
