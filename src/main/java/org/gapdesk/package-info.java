/** Gapdesk: the offline activation desk. {@link org.gapdesk.Gapdesk} is the entry point, {@link org.gapdesk.Kiosk} the wiring. */
package org.gapdesk;
