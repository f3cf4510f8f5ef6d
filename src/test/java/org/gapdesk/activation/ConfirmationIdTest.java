package org.gapdesk.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfirmationIdTest {

    @Test
    void thePublicXpVectorsPassEveryBlock() {
        ConfirmationId cid = ConfirmationId.parse("110281-200130-887120-647974-697175-027544-252733");
        assertEquals(7, cid.blocks().size());
        assertTrue(cid.checksPass());
        assertTrue(ConfirmationId.parse("109062-530373-462923-856922-378004-297663-022353").checksPass());
    }

    @Test
    void fortyEightDigitsMakeBlocksAToH() {
        String d = "110281200130887120647974697175027544252733" + "110281";
        ConfirmationId cid = ConfirmationId.parse(d);
        assertEquals(8, cid.blocks().size());
        assertEquals("110281", cid.blocks().get(7));
        assertEquals('H', ConfirmationId.blockName(7));
    }

    @Test
    void aFailedBlockIsAWarningNamingTheBlockNotAnError() {
        String d = "110281200130887120647974697175027544252733" + "110282";
        ConfirmationId cid = ConfirmationId.parse(d);
        assertEquals(List.of('H'), cid.failedBlocks());
        assertTrue(cid.checkWarning().contains("block H (110282)"), cid.checkWarning());
        assertTrue(cid.checkWarning().contains("check digit would be 1"), cid.checkWarning());
    }

    @Test
    void lengthAndCharactersAreHardErrors() {
        assertThrows(IdFormatException.class, () -> ConfirmationId.parse("12345"));
        IdFormatException e = assertThrows(IdFormatException.class,
                () -> ConfirmationId.parse("110281-200130-887120-647974-697175-027544-25273x"));
        assertTrue(e.getMessage().contains("'x'"), e.getMessage());
    }
}
