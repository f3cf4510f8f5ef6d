/**
 * The Java reference of the lab toolkit: what the PowerShell scripts shipped in {@code toolkit/} do (collect,
 * verify a bundle against the pinned kiosk key, apply CIDs, write the results file), small and plain so the
 * scripts stay a faithful port of it; plus {@link org.gapdesk.lab.LabToolkit}, which builds the toolkit zip.
 */
package org.gapdesk.lab;
