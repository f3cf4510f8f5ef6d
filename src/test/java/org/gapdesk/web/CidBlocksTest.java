package org.gapdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.gapdesk.activation.CheckDigit;
import org.gapdesk.activation.TestIds;
import org.junit.jupiter.api.Test;

/** The CID as keyed so far, block by block, as the call page shows it. */
class CidBlocksTest {
    @Test
    void separatorsAreIgnoredAndTheRestIsGroupedInBlocksOfSix() {
        assertEquals("110281-200130-8871", CidBlocks.grouped(" 110281 -2001\u201330 8871\t"));
        assertEquals("", CidBlocks.grouped(null));
        assertEquals("12345x-7", CidBlocks.grouped("12345x7"));
    }

    @Test
    void eachBlockHasItsStateAndWords() {
        String cid = TestIds.digits(new TestIds(3).cid48());
        List<CidBlocks.Block> blocks = CidBlocks.of(cid.substring(0, 15));
        assertEquals(8, blocks.size());
        assertEquals("ok", blocks.get(0).state());
        assertEquals("Block A: complete, check digit correct", blocks.get(0).status());
        assertEquals("partial", blocks.get(2).state());
        assertEquals("Block C: 3 of 6 digits", blocks.get(2).status());
        assertEquals("empty", blocks.get(7).state());
        assertEquals("Block H: not keyed yet", blocks.get(7).status());
    }

    @Test
    void aFailedCheckDigitNamesTheBlockAndTheDigitItShouldBe() {
        String bad = TestIds.breakGroup(new TestIds(5).cid48(), 4, 6);
        int expected = CheckDigit.compute(bad.substring(18, 23), 0, 5);
        CidBlocks.Block d = CidBlocks.of(bad).get(3);
        assertEquals("warning", d.state());
        assertEquals("Block D: check digit should be " + expected + " \u2014 ask for block D again", d.status());
        CidBlocks.Block seven = CidBlocks.block('B', "000007");
        assertEquals("Block B: check digit should be 0 \u2014 ask for block B again", seven.status());
    }

    @Test
    void aCharacterThatIsNotADigitIsAnError() {
        CidBlocks.Block c = CidBlocks.of("110281200130887a20").get(2);
        assertEquals("error", c.state());
        assertEquals("Block C: \u201ca\u201d is not a digit", c.status());
    }
}
