/** The demo lab: synthetic, clearly marked request data loaded through the real intake path. */
package org.gapdesk.demo;
