/** Writing data for people and other programs: CSV that is safe to open in a spreadsheet. */
package org.gapdesk.export;
