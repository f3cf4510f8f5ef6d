/** CID entry: validating a keyed-in Confirmation ID, warning on check digits, and recording it for its IID. */
package org.gapdesk.confirm;
