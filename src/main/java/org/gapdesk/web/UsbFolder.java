package org.gapdesk.web;

/**
 * A folder on a USB drive that a bundle can be written into (see {@link UsbFolders}).
 *
 * @param id opaque id, resolved again from scratch when a form sends it back
 * @param path the folder as shown, e.g. {@code /media/kiosk/STICK}
 */
public record UsbFolder(String id, String path) {
}
