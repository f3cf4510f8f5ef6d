/** QR codes across the gap: the Gapdesk QR payload, multi-part assembly and decoding QR codes from photos and frames. */
package org.gapdesk.qr;
