/** Installation and Confirmation IDs, their check digits, products and the request lifecycle. */
package org.gapdesk.activation;
