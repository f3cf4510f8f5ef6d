/** Named operators, their roles and secrets, sign-in throttling and idle-limited sessions with CSRF tokens. */
package org.gapdesk.operator;
