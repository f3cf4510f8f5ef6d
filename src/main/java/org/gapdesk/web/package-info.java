/** The kiosk's web pages and HTTP API: parse the request, call a feature service, render. */
package org.gapdesk.web;
