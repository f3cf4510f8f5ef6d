/** Reports: dashboard data with server-drawn, accessible SVG charts, and the CSV export of the record. */
package org.gapdesk.reports;
