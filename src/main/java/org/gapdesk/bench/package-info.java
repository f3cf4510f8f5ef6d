/** Benchmarks of the quality bars in the design, run with {@code gapdesk bench}. */
package org.gapdesk.bench;
