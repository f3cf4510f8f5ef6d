/** The licensing desk: the MAK pool and its local count-down, low-count alerts, key-group flags and KMS advice. */
package org.gapdesk.licensing;
