/** The kiosk's record: the embedded database, its migrations and the repositories over it. */
package org.gapdesk.store;
