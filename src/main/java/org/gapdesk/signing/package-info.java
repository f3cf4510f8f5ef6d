/** The kiosk's signing key (generated once, owner-only on disk, its fingerprint on every worksheet) and SHA-256. */
package org.gapdesk.signing;
