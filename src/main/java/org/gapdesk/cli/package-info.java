/** The command line: thin picocli commands over the same services the web uses. */
package org.gapdesk.cli;
