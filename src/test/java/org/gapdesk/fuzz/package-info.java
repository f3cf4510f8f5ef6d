/** Fuzz support: seed mutation, structure-aware generators, verdict checks and the long-run switch. */
package org.gapdesk.fuzz;
