package org.gapdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PagesTest {
    @Test
    void localPathKeepsRedirectsOnTheKiosk() {
        assertEquals("/import/preview/abc", Pages.localPath("/import/preview/abc"));
        assertEquals("/requests?lab=LAB-A", Pages.localPath("/requests?lab=LAB-A"));
        assertEquals("/", Pages.localPath(null));
        assertEquals("/", Pages.localPath("https://elsewhere.example/"));
        assertEquals("/", Pages.localPath("//elsewhere.example/"));
        assertEquals("/", Pages.localPath("/\\elsewhere.example/"));
        assertEquals("/", Pages.localPath("/a\r\nSet-Cookie: x"));
        assertEquals("/", Pages.localPath("relative"));
    }
}
