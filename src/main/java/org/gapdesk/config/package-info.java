/** Site settings and the product catalogue: shipped defaults in {@code kiosk-config/}, overridden per kiosk home. */
package org.gapdesk.config;
