package vn.hoso.documents;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;

import javax.imageio.ImageIO;

/** Real files of each accepted type, unique per call (so that content addressing does not share them). */
public final class SampleFiles {

    private SampleFiles() {
    }

    public static byte[] pdf() {
        return pdf(0);
    }

    /** A small well-formed PDF, padded by a comment to about {@code size} bytes. */
    public static byte[] pdf(int size) {
        String head = "%PDF-1.4\n%âãÏÓ\n% " + UUID.randomUUID() + "\n"
                + "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n";
        String tail = "trailer << /Root 1 0 R >>\n%%EOF\n";
        int padding = Math.max(0, size - head.length() - tail.length() - 3);
        char[] pad = new char[padding];
        Arrays.fill(pad, 'x');
        return (head + (padding > 0 ? "% " + new String(pad) + "\n" : "") + tail).getBytes(StandardCharsets.ISO_8859_1);
    }

    public static byte[] png() {
        return image("png");
    }

    public static byte[] jpeg() {
        return image("jpeg");
    }

    private static byte[] image(String format) {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, UUID.randomUUID().hashCode() & 0xffffff);
        image.setRGB(7, 7, UUID.randomUUID().hashCode() & 0xffffff);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** XML with an XML-DSig Signature element (its presence is what the check looks for). */
    public static byte[] signedXml() {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<HoSo id=\"" + UUID.randomUUID() + "\"><NoiDung>Tờ khai"
                + "</NoiDung><ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:SignedInfo/>"
                + "<ds:SignatureValue>AAAA</ds:SignatureValue></ds:Signature></HoSo>\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
