/** The kiosk's signing key: generated once, owner-only on disk, its fingerprint printed on every worksheet. */
package org.gapdesk.signing;
