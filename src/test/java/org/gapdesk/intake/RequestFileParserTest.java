package org.gapdesk.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.gapdesk.activation.TestIds;
import org.junit.jupiter.api.Test;

class RequestFileParserTest {
    static final String WIN_ACT = "7a1b2c3d-0000-4000-8000-00000000a001";
    static final IntakeDefaults DEFAULTS = new IntakeDefaults("DEFAULT-LAB");

    final RequestFileParser parser = new RequestFileParser();
    final TestIds ids = new TestIds(11);

    static UploadedFile json(String name, String text) {
        return new UploadedFile(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A version 1 request file with {@code machines} as the machines array content. */
    static String request(String machines) {
        return "{\"format\":\"gapdesk-request\",\"version\":1,\"lab\":\"LAB-A\",\"collectedAt\":\"2026-11-20T09:30:00Z\","
                + "\"collector\":\"gapdesk-collect 1.0\",\"machines\":[" + machines + "]}";
    }

    ParsedFile parse(String text) throws FileRejectedException {
        return parser.parse(json("req.json", text), DEFAULTS, IntakeLimits.DEFAULT);
    }

    String reject(String text) {
        return assertThrows(FileRejectedException.class, () -> parse(text)).getMessage();
    }

    @Test
    void readsMachinesAndProducts() throws Exception {
        String iid1 = ids.iid63();
        String iid2 = ids.iid63();
        String text = request("{\"name\":\"PC-001\",\"alias\":false,\"products\":["
                + "{\"activationId\":\"{" + WIN_ACT.toUpperCase() + "}\",\"applicationId\":\"55c92734-d682-4d71-983e-d6ec3f16059f\","
                + "\"name\":\"Windows(R), Enterprise edition\",\"description\":\"Windows(R) Operating System, VOLUME_MAK channel\","
                + "\"channel\":\"Volume:MAK\",\"partialKey\":\"3V66T\",\"licenseStatus\":1,\"installationId\":\"" + iid1 + "\"},"
                + "{\"activationId\":\"7a1b2c3d-0000-4000-8000-00000000c003\",\"name\":\"Office, no key\"}]},"
                + "{\"name\":\"alias-17\",\"alias\":true,\"products\":[{\"name\":\"Windows\","
                + "\"description\":\"Windows(R) Operating System, VOLUME_KMSCLIENT channel\",\"installationId\":\""
                + iid2 + "\"}]}");
        ParsedFile f = parse(text);
        assertEquals("gapdesk-request", f.format());
        assertEquals(2, f.entries().size());
        assertEquals(0, f.problems().size());
        IntakeEntry e = f.entries().get(0);
        assertEquals("machines[0].products[0]", e.where());
        assertEquals("LAB-A", e.machine().lab());
        assertEquals("PC-001", e.machine().name());
        assertFalse(e.machine().alias());
        assertEquals(WIN_ACT, e.product().activationId());
        assertEquals("Volume:MAK", e.product().channel());
        assertEquals("3V66T", e.product().partialKey());
        assertEquals(1, e.product().licenseStatus());
        assertEquals(iid1, e.iidText());
        IntakeEntry aliased = f.entries().get(1);
        assertTrue(aliased.machine().alias());
        assertEquals("VOLUME_KMSCLIENT", aliased.product().channel(), "channel from the description");
        assertTrue(aliased.product().isKmsClient());
        assertEquals(java.util.List.of(
                "products without an Installation ID skipped (no key installed): 1 (first at machines[0].products[1])"),
                f.notes());
    }

    @Test
    void readsUtf16WithBomAsPowerShellWritesIt() throws Exception {
        String text = request("{\"name\":\"PC-001\",\"products\":[{\"name\":\"Windows\",\"installationId\":\""
                + ids.iid63() + "\"}]}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xFE);
        out.writeBytes(text.getBytes(StandardCharsets.UTF_16LE));
        ParsedFile f = parser.parse(new UploadedFile("req.json", out.toByteArray()), DEFAULTS, IntakeLimits.DEFAULT);
        assertEquals(1, f.entries().size());
    }

    @Test
    void listsUnknownFieldsOnce() throws Exception {
        String text = request("{\"name\":\"PC-1\",\"serial\":\"x\",\"products\":[{\"name\":\"W\",\"productKeyId\":\"1\","
                + "\"installationId\":\"" + ids.iid63() + "\"},{\"name\":\"W2\",\"productKeyId\":\"2\",\"installationId\":\""
                + ids.iid63() + "\"}]}").replace("\"machines\"", "\"site\":\"north\",\"machines\"");
        ParsedFile f = parse(text);
        assertEquals(java.util.List.of("fields this kiosk does not read were ignored: site, machines[].serial,"
                + " machines[].products[].productKeyId"), f.notes());
    }

    @Test
    void rejectsTextThatIsNotJsonNamingLineAndColumn() {
        String m = reject("{\n  \"format\": \"gapdesk-request\",\n  \"version\": 1,\n  oops\n}");
        assertTrue(m.startsWith("req.json: not valid JSON at line 4, column 3: "), m);
    }

    @Test
    void rejectsTrailingContentAndDuplicateFields() {
        String m = reject(request("") + " {}");
        assertTrue(m.startsWith("req.json: not valid JSON at line 1"), m);
        m = reject("{\"format\":\"gapdesk-request\",\"format\":\"gapdesk-request\"}");
        assertTrue(m.contains("Duplicate field 'format'"), m);
    }

    @Test
    void rejectsWrongFormatAndVersion() {
        assertEquals("req.json: the top level is an array, not a JSON object", reject("[1,2]"));
        assertEquals("req.json: \"format\" is missing; a Gapdesk request file says \"format\": \"gapdesk-request\"",
                reject("{\"version\":1}"));
        assertEquals("req.json: \"format\" is \"vamt\", not \"gapdesk-request\"",
                reject(request("").replace("gapdesk-request", "vamt")));
        assertEquals("req.json: version 2 is not supported; this kiosk reads version 1 (a newer lab toolkit needs a"
                + " newer kiosk)", reject(request("").replace("\"version\":1", "\"version\":2")));
        assertEquals("req.json: \"version\" is \"1\", expected the number 1",
                reject(request("").replace("\"version\":1", "\"version\":\"1\"")));
        assertEquals("req.json: \"version\" is missing; this kiosk reads version 1",
                reject(request("").replace("\"version\":1,", "")));
    }

    @Test
    void rejectsMissingLabAndMachines() {
        assertEquals("req.json: \"lab\" is missing", reject(request("").replace("\"lab\":\"LAB-A\",", "")));
        assertEquals("req.json: \"lab\" is a number, expected a string",
                reject(request("").replace("\"LAB-A\"", "7")));
        assertEquals("req.json: \"lab\" is empty", reject(request("").replace("\"LAB-A\"", "\" \"")));
        assertEquals("req.json: \"machines\" is missing",
                reject("{\"format\":\"gapdesk-request\",\"version\":1,\"lab\":\"L\"}"));
        assertEquals("req.json: \"machines\" is an object, expected an array",
                reject("{\"format\":\"gapdesk-request\",\"version\":1,\"lab\":\"L\",\"machines\":{}}"));
    }

    @Test
    void namesTheElementOfEachEntryProblem() throws Exception {
        String iid = ids.iid63();
        ParsedFile f = parse(request(
                "{\"name\":\"PC-0\",\"products\":[{\"name\":\"W\",\"installationId\":\"" + iid + "\"}]},"
                + "{\"products\":[]},"
                + "\"PC-2\","
                + "{\"name\":\"PC-3\",\"products\":[{\"name\":\"W\",\"installationId\":\"" + ids.iid63() + "\"},"
                + "{\"name\":\"W\",\"installationId\":123456}]},"
                + "{\"name\":\"PC-4\",\"products\":[{\"installationId\":\"" + ids.iid63() + "\",\"licenseStatus\":\"on\"}]},"
                + "{\"name\":\"PC-5\",\"products\":[{\"activationId\":\"not-a-guid\",\"installationId\":\"" + ids.iid63()
                + "\"}]},"
                + "{\"name\":\"PC-6\",\"alias\":\"yes\",\"products\":[]},"
                + "{\"name\":\"PC-7\",\"products\":{}}"));
        assertEquals(2, f.entries().size());
        assertEquals(java.util.List.of(
                "machines[1].name is missing",
                "machines[2] is a string, expected an object",
                "machines[3].products[1].installationId is a number, expected a string; write the IID as a string",
                "machines[4].products[0].licenseStatus is \"on\", expected a whole number (0 to 6)",
                "machines[5].products[0]: Activation ID 'not-a-guid' is not a GUID",
                "machines[6].alias is a string, expected true or false",
                "machines[7].products is an object, expected an array"),
                f.problems().stream().map(EntryProblem::message).toList());
        assertEquals("machines[3].products[1]", f.problems().get(2).where());
        assertEquals("PC-3", f.problems().get(2).machineName());
    }

    @Test
    void rejectsDeepNesting() {
        String deep = "[".repeat(200) + "]".repeat(200);
        String m = reject(request("").replace("\"machines\":[]", "\"x\":" + deep + ",\"machines\":[]"));
        assertTrue(m.startsWith("req.json: not accepted at line 1, column "), m);
        assertTrue(m.endsWith(": nested deeper than 64 levels"), m);
    }

    @Test
    void rejectsHugeStringsAndDocuments() {
        IntakeLimits small = new IntakeLimits(4000, 100, 10, 1000);
        String big = request("{\"name\":\"" + "x".repeat(1500) + "\",\"products\":[]}");
        FileRejectedException e = assertThrows(FileRejectedException.class,
                () -> parser.parse(json("req.json", big), DEFAULTS, small));
        assertTrue(e.getMessage().endsWith(": a string is longer than 1000 characters"), e.getMessage());
        String many = request(("{\"name\":\"PC\",\"products\":[]},").repeat(200) + "{}");
        e = assertThrows(FileRejectedException.class, () -> parser.parse(json("req.json", many), DEFAULTS, small));
        assertTrue(e.getMessage().startsWith("req.json: "), e.getMessage());
    }

    @Test
    void rejectsMoreEntriesThanTheLimit() {
        IntakeLimits small = new IntakeLimits(1 << 20, 3, 10, 1000);
        String p = "{\"name\":\"W\",\"installationId\":\"1\"}";
        String text = request("{\"name\":\"PC\",\"products\":[" + p + "," + p + "," + p + "," + p + "]}");
        FileRejectedException e = assertThrows(FileRejectedException.class,
                () -> parser.parse(json("req.json", text), DEFAULTS, small));
        assertEquals("req.json: more than 3 entries; split the file", e.getMessage());
    }

    @Test
    void recognizesByContentThenName() {
        assertTrue(parser.recognizes(json("anything.txt", "\n  {\"format\":1}")));
        assertTrue(parser.recognizes(json("req.json", "garbage")));
        assertFalse(parser.recognizes(json("list.csv", "Machine,IID\n")));
    }
}
