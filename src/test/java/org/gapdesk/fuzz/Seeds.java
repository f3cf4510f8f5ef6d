package org.gapdesk.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.gapdesk.activation.Product;
import org.gapdesk.activation.TestIds;
import org.gapdesk.intake.UploadedFile;
import org.gapdesk.qr.QrMessageAssembler;
import org.gapdesk.qr.QrOffer;
import org.gapdesk.qr.QrPayloads;
import org.gapdesk.qr.QrRequest;

/** Valid files of every intake format, the starting points of mutation. Deterministic. */
public final class Seeds {
    /** A synthetic Activation ID used only in tests. */
    public static final String WIN_ACT = "f0220000-0000-4000-8000-00000000a001";
    /** A second synthetic Activation ID. */
    public static final String OFFICE_ACT = "f0220000-0000-4000-8000-00000000b002";
    static final String WSH = "Microsoft (R) Windows Script Host Version 5.812\r\n"
            + "Copyright (C) Microsoft Corporation. All rights reserved.\r\n\r\n";

    private Seeds() {
    }

    /** A Gapdesk request file of {@code machines} machines, each with Windows, every other one also Office. */
    public static String requestJson(String lab, int machines, TestIds ids) {
        StringBuilder sb = new StringBuilder("{\"format\":\"gapdesk-request\",\"version\":1,\"lab\":\"" + lab + "\","
                + "\"collectedAt\":\"2026-11-20T09:30:00Z\",\"collector\":\"gapdesk-collect 1.0\",\"machines\":[");
        for (int m = 1; m <= machines; m++) {
            sb.append(m == 1 ? "" : ",").append("{\"name\":\"PC-").append(String.format("%03d", m))
                    .append("\",\"alias\":false,\"products\":[").append(product(WIN_ACT, Product.WINDOWS_APP_ID,
                            "Windows(R), Enterprise edition", "Volume:MAK", ids.iid63()));
            if (m % 2 == 0) {
                sb.append(',').append(product(OFFICE_ACT, Product.OFFICE_APP_ID, "Office 21, ProPlus2021MAK edition",
                        "Volume:MAK", ids.iid63()));
            }
            sb.append("]}");
        }
        return sb.append("]}").toString();
    }

    private static String product(String act, String app, String name, String channel, String iid) {
        return "{\"activationId\":\"" + act + "\",\"applicationId\":\"" + app + "\",\"name\":\"" + name
                + "\",\"description\":\"" + channel + " channel\",\"channel\":\"" + channel
                + "\",\"partialKey\":\"3V66T\",\"licenseStatus\":1,\"installationId\":\"" + iid + "\"}";
    }

    /** A CSV file with every column and {@code rows} rows. */
    public static String csv(int rows, TestIds ids) {
        StringBuilder sb = new StringBuilder("Lab,Machine,Activation ID,Application ID,Product Name,Channel,"
                + "Partial Key,License Status,IID\r\n");
        for (int i = 1; i <= rows; i++) {
            sb.append("LAB-C,PC-").append(i).append(',').append(WIN_ACT).append(',').append(Product.WINDOWS_APP_ID)
                    .append(",\"Windows(R), Enterprise edition\",Volume:MAK,3V66T,1,").append(ids.iid63())
                    .append("\r\n");
        }
        return sb.toString();
    }

    /** A short CSV file: semicolons, quoted fields with separators, quotes and line breaks. */
    public static String csvQuoted(TestIds ids) {
        return "Machine;Product;IID\n" + "PC-1;\"Office; \"\"Pro\"\"\nPlus\";" + ids.iid54() + "\n" + "PC-2;Windows;"
                + ids.iid54() + "\n";
    }

    /** Captured {@code slmgr /dti} output. */
    public static String slmgr() {
        return WSH + "Installation ID: " + TestIds.XP_IID_54 + "\r\n\r\n";
    }

    /** Captured {@code ospp.vbs /dinstid} output for two Office products. */
    public static String ospp(TestIds ids) {
        return "---Processing--------------------------\n---------------------------------------\n"
                + "Installation ID for: Office 16, Office16ProPlusVL_MAK edition: " + ids.iid63() + "\n"
                + "Installation ID for: Office 16, Office16VisioProVL_KMS_Client edition: " + ids.iid63() + "\n"
                + "---------------------------------------\n---Exiting-----------------------------\n";
    }

    /** A VAMT Computer Information List with {@code computers} computers. */
    public static String cil(int computers, TestIds ids) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<SoftwareLicensingData xmlns=\"urn:example:vamt\" Version=\"2.0\">\n <Computers>\n");
        for (int i = 1; i <= computers; i++) {
            sb.append("  <Computer Name=\"PC-").append(i).append("\" OSVersion=\"10.0\" Id=\"").append(i).append("\">\n")
                    .append("   <MacAddresses><MacAddress>00-11-22-33-44-55</MacAddress></MacAddresses>\n")
                    .append("   <Products>\n    <Product>").append(sku(WIN_ACT, "Windows 11 Enterprise"))
                    .append("<InstallationId>").append(ids.iid63()).append("</InstallationId></Product>\n")
                    .append("    <Product Iid=\"").append(ids.iid63()).append("\">").append(sku(OFFICE_ACT, "Office"))
                    .append("</Product>\n   </Products>\n  </Computer>\n");
        }
        return sb.append(" </Computers>\n</SoftwareLicensingData>\n").toString();
    }

    private static String sku(String id, String name) {
        return "<Sku Id=\"" + id + "\" Name=\"" + name + "\" ApplicationId=\"" + Product.WINDOWS_APP_ID + "\"/>";
    }

    /** A QR request of {@code machines} machines, one Windows product each. */
    public static QrRequest qrRequest(int machines, TestIds ids) {
        Product win = new Product(WIN_ACT, Product.WINDOWS_APP_ID, "Windows(R), Enterprise edition", "Volume:MAK",
                "3V66T", 1);
        List<QrRequest.Entry> entries = new ArrayList<>();
        for (int i = 1; i <= machines; i++) {
            entries.add(new QrRequest.Entry(String.format("WS-%03d", i), i % 3 == 0, win, TestIds.digits(ids.iid63())));
        }
        return new QrRequest("LAB-Q", entries);
    }

    /** The scanned text of a QR request: one GD1 part a line. */
    public static String qrParts(int machines, int partChars, TestIds ids) {
        return String.join("\n", QrPayloads.encode(qrRequest(machines, ids), partChars)) + "\n";
    }

    /** The completed message file the QR page saves. */
    public static byte[] qrMessageFile(int machines, TestIds ids) {
        QrMessageAssembler a = new QrMessageAssembler();
        QrOffer last = null;
        for (String p : QrPayloads.encode(qrRequest(machines, ids))) {
            last = a.offer(p);
        }
        return last.completed().bytes();
    }

    /** Every intake seed as an uploaded file with a fitting name. */
    public static List<UploadedFile> intakeFiles() {
        TestIds ids = new TestIds(7);
        List<UploadedFile> out = new ArrayList<>();
        out.add(utf8("lab-a.json", requestJson("LAB-A", 4, ids)));
        out.add(utf8("machines.csv", csv(3, ids)));
        out.add(utf8("quoted.csv", csvQuoted(ids)));
        out.add(utf8("PC-1.txt", slmgr()));
        out.add(new UploadedFile("PC-1-utf16.txt", Mutator.concat(new byte[] {(byte) 0xff, (byte) 0xfe},
                slmgr().getBytes(StandardCharsets.UTF_16LE))));
        out.add(utf8("office.txt", ospp(ids)));
        out.add(utf8("lab.cilx", cil(2, ids)));
        out.add(utf8("scan.txt", qrParts(3, 120, ids)));
        out.add(new UploadedFile("gapdesk-qr.txt", qrMessageFile(2, ids)));
        return out;
    }

    static UploadedFile utf8(String name, String text) {
        return new UploadedFile(name, text.getBytes(StandardCharsets.UTF_8));
    }
}
