/** Optional mail through the site's SMTP relay: off unless configured, and a failure never blocks the desk. */
package org.gapdesk.mail;
