package org.gapdesk.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.gapdesk.qr.QrOffer.Status;
import org.junit.jupiter.api.Test;

class QrMessageAssemblerTest {
    @Test
    void partsInAnyOrderWithRepeatsCompleteOnceWithProgressOnTheWay() {
        QrRequest request = QrTestData.lab(60, 21);
        List<String> parts = QrPayloads.encode(request);
        int n = parts.size();
        assertTrue(n >= 4, "parts: " + n);
        List<String> frames = new ArrayList<>(parts);
        frames.addAll(parts.subList(0, n / 2));
        Collections.shuffle(frames, new Random(3));
        // the last unique part goes last
        String last = parts.get(n - 1);
        frames.remove(last);
        frames.remove(last);
        QrMessageAssembler a = new QrMessageAssembler();
        int added = 0;
        int duplicates = 0;
        for (String f : frames) {
            QrOffer o = a.offer(f);
            assertTrue(o.status() == Status.ADDED || o.status() == Status.DUPLICATE, o.message());
            if (o.status() == Status.ADDED) {
                added++;
                assertEquals(added, o.progress().have());
            } else {
                duplicates++;
                assertTrue(o.message().contains("already read"), o.message());
            }
            assertEquals(n, o.progress().count());
        }
        assertEquals(n - 1, added);
        assertEquals(n / 2 - (n / 2 > n - 1 ? 1 : 0), duplicates);
        QrProgress p = a.openMessages().get(0);
        assertEquals(List.of(n), p.missing());
        assertEquals("QR message " + p.messageId() + ": " + (n - 1) + " of " + n + " parts; missing " + n,
                p.summary());
        QrOffer done = a.offer(last);
        assertEquals(Status.COMPLETED, done.status(), done.message());
        assertNotNull(done.completed());
        assertEquals(request, done.completed().request());
        assertEquals(parts, done.completed().parts());
        assertEquals("qr-message-" + p.messageId() + ".txt", done.completed().fileName());
        assertEquals(String.join("\n", parts) + "\n", done.completed().text());
        assertTrue(done.message().contains(request.entries().size() + " Installation IDs of lab LAB-A"),
                done.message());
        assertTrue(a.openMessages().isEmpty());
        assertEquals(Status.ALREADY_COMPLETED, a.offer(parts.get(0)).status());
        assertEquals(1, a.completedMessages().size());
    }

    @Test
    void twoMessagesInterleavedAreKeptApartAndBothComplete() {
        QrRequest r1 = QrTestData.lab(40, 22);
        QrRequest r2 = QrTestData.lab(40, 23);
        List<String> p1 = QrPayloads.encode(r1);
        List<String> p2 = QrPayloads.encode(r2);
        QrMessageAssembler a = new QrMessageAssembler();
        List<QrMessage> done = new ArrayList<>();
        for (int i = 0; i < Math.max(p1.size(), p2.size()); i++) {
            for (List<String> p : List.of(p1, p2)) {
                if (i < p.size()) {
                    QrOffer o = a.offer(p.get(i));
                    if (o.completed() != null) {
                        done.add(o.completed());
                    }
                }
            }
        }
        assertEquals(2, done.size());
        assertEquals(r1, done.get(0).request());
        assertEquals(r2, done.get(1).request());
    }

    @Test
    void aPartWithAnotherCountUnderTheSameIdIsRejected() {
        List<String> parts = QrPayloads.encode(QrTestData.lab(40, 24));
        String id = QrPayloadsTest.id(parts.get(0));
        QrMessageAssembler a = new QrMessageAssembler();
        assertEquals(Status.ADDED, a.offer(parts.get(0)).status());
        String other = "GD1:" + id + ":2/" + (parts.size() + 1) + ":" + Base45.encode(new byte[] {9, 9}, 0, 2);
        QrOffer o = a.offer(other + ":" + QrPart.check(other));
        assertEquals(Status.REJECTED, o.status());
        assertTrue(o.message().contains("said " + parts.size() + " parts; these codes are from different messages"),
                o.message());
        assertEquals(1, o.progress().have());
    }

    @Test
    void aDifferentPartUnderAHeldPartNumberIsRejectedAndTheHeldOneKept() {
        List<String> parts = QrPayloads.encode(QrTestData.lab(40, 25));
        String id = QrPayloadsTest.id(parts.get(0));
        QrMessageAssembler a = new QrMessageAssembler();
        a.offer(parts.get(0));
        String other = "GD1:" + id + ":1/" + parts.size() + ":" + Base45.encode(new byte[] {9, 9}, 0, 2);
        QrOffer o = a.offer(other + ":" + QrPart.check(other));
        assertEquals(Status.REJECTED, o.status());
        assertTrue(o.message().contains("differs from the part 1 of"), o.message());
        assertEquals(Status.DUPLICATE, a.offer(parts.get(0)).status());
    }

    @Test
    void forgedPartsThatPassTheirOwnChecksFailTheWholeMessageAndAreDropped() {
        List<String> parts = QrPayloads.encode(QrTestData.lab(20, 26));
        String id = QrPayloadsTest.id(parts.get(0));
        QrMessageAssembler a = new QrMessageAssembler();
        String forged = "GD1:" + id + ":1/" + parts.size() + ":" + Base45.encode(new byte[] {1, 2, 3}, 0, 3);
        a.offer(forged + ":" + QrPart.check(forged));
        QrOffer last = null;
        for (String p : parts.subList(1, parts.size())) {
            last = a.offer(p);
        }
        assertEquals(Status.REJECTED, last.status());
        assertTrue(last.message().contains("does not match its checksum"), last.message());
        assertNull(last.completed());
        assertTrue(a.openMessages().isEmpty(), "the broken message is dropped");
        assertTrue(a.completedMessages().isEmpty());
        for (String p : parts) {
            last = a.offer(p);
        }
        assertEquals(Status.COMPLETED, last.status(), "a clean rescan completes");
    }

    @Test
    void textThatIsNotAGapdeskPartIsPassedOn() {
        QrMessageAssembler a = new QrMessageAssembler();
        assertEquals(Status.NOT_GAPDESK, a.offer("334481-558826-870862").status());
        assertEquals(Status.NOT_GAPDESK, a.offer("Installation ID: 1234").status());
        assertEquals(Status.REJECTED, a.offer("  ").status());
        QrOffer o = a.offer("GD1:nonsense");
        assertEquals(Status.REJECTED, o.status());
        assertTrue(o.message().contains("malformed"), o.message());
        assertTrue(a.openMessages().isEmpty());
    }

    @Test
    void openMessagesAndTotalSizeAreBounded() {
        QrMessageAssembler a = new QrMessageAssembler(new QrLimits(250, 1000, 1000, 2));
        a.offer(QrPayloads.encode(QrTestData.lab(20, 27)).get(0));
        a.offer(QrPayloads.encode(QrTestData.lab(20, 28)).get(0));
        QrOffer o = a.offer(QrPayloads.encode(QrTestData.lab(20, 29)).get(0));
        assertEquals(Status.REJECTED, o.status());
        assertTrue(o.message().contains("already collecting 2 incomplete messages"), o.message());
        assertEquals(2, a.openMessages().size());
        a.reset();
        List<String> big = QrPayloads.encode(QrTestData.lab(40, 30), 100);
        QrOffer last = null;
        for (String p : big) {
            last = a.offer(p);
            if (last.status() == Status.REJECTED) {
                break;
            }
        }
        assertEquals(Status.REJECTED, last.status());
        assertTrue(last.message().contains("over the limit of 1000 bytes"), last.message());
        assertTrue(a.openMessages().isEmpty());
    }
}
