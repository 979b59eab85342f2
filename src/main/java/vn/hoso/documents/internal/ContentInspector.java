package vn.hoso.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Judges an upload by its bytes, never by its name or declared type, in one streaming pass (plus a second, streaming
 * XML parse for XML): its size against the limit, its SHA-256, and its type from the magic bytes at its start —
 * PDF ({@code %PDF-}, ending in {@code %%EOF}), JPEG ({@code FF D8 FF}, ending in {@code FF D9}), PNG (the 8-byte
 * signature, ending in the {@code IEND} chunk) or XML that is well-formed and carries an XML-DSig
 * {@code Signature}. A file of these types without its end is "truncated".
 */
public final class ContentInspector {

    /** What an accepted upload is. */
    public record Inspected(String sha256, long size, String mediaType) {
    }

    static final String PDF = "application/pdf";
    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";
    static final String XML = "application/xml";

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] PNG_END = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xae, 'B', 0x60, (byte) 0x82};
    private static final String XMLDSIG = "http://www.w3.org/2000/09/xmldsig#";
    private static final int HEAD = 1024;
    private static final int TAIL = 1024;

    private ContentInspector() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param part     the form part's name, for the refusal
     * @param maxBytes the largest size accepted
     * @throws UploadRefused when the content is empty, too large, of another type or truncated
     */
    public static Inspected inspect(DocumentStore.Source source, long maxBytes, String part) throws IOException {
        MessageDigest digest = sha256();
        byte[] head = new byte[HEAD];
        int headLength = 0;
        byte[] tail = new byte[TAIL];
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = source.open()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                size += n;
                if (size > maxBytes) {
                    throw UploadRefused.tooLarge(maxBytes);
                }
                digest.update(buffer, 0, n);
                if (headLength < HEAD) {
                    int take = Math.min(HEAD - headLength, n);
                    System.arraycopy(buffer, 0, head, headLength, take);
                    headLength += take;
                }
                // keep the last TAIL bytes
                if (n >= TAIL) {
                    System.arraycopy(buffer, n - TAIL, tail, 0, TAIL);
                } else {
                    System.arraycopy(tail, n, tail, 0, TAIL - n);
                    System.arraycopy(buffer, 0, tail, TAIL - n, n);
                }
            }
        }
        if (size == 0) {
            throw UploadRefused.empty(part);
        }
        byte[] first = Arrays.copyOf(head, headLength);
        byte[] last = Arrays.copyOfRange(tail, (int) Math.max(0, TAIL - size), TAIL);
        String mediaType = type(first, last, source);
        return new Inspected(HexFormat.of().formatHex(digest.digest()), size, mediaType);
    }

    private static String type(byte[] first, byte[] last, DocumentStore.Source source) throws IOException {
        if (startsWith(first, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            if (!contains(last, "%%EOF".getBytes(StandardCharsets.US_ASCII))) {
                throw UploadRefused.truncated("PDF");
            }
            return PDF;
        }
        if (startsWith(first, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
            if (!endsWithIgnoringPadding(last, new byte[] {(byte) 0xff, (byte) 0xd9})) {
                throw UploadRefused.truncated("JPEG image");
            }
            return JPEG;
        }
        if (startsWith(first, PNG_SIGNATURE)) {
            if (!endsWith(last, PNG_END)) {
                throw UploadRefused.truncated("PNG image");
            }
            return PNG;
        }
        if (looksLikeXml(first)) {
            checkSignedXml(source);
            return XML;
        }
        throw UploadRefused.unsupported("The content is none of the accepted types.");
    }

    private static boolean looksLikeXml(byte[] first) {
        int i = 0;
        if (first.length >= 3 && (first[0] & 0xff) == 0xef && (first[1] & 0xff) == 0xbb && (first[2] & 0xff) == 0xbf) {
            i = 3;
        }
        while (i < first.length && (first[i] == ' ' || first[i] == '\n' || first[i] == '\r' || first[i] == '\t')) {
            i++;
        }
        return i < first.length && first[i] == '<';
    }

    /** Well-formed (no DTD, no external entities) and with an XML-DSig Signature element. */
    private static void checkSignedXml(DocumentStore.Source source) throws IOException {
        boolean[] signed = {false};
        try (InputStream in = source.open()) {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            SAXParser parser = factory.newSAXParser();
            parser.parse(in, new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    if (XMLDSIG.equals(uri) && "Signature".equals(localName)) {
                        signed[0] = true;
                    }
                }
            });
        } catch (SAXException e) {
            throw e.getMessage() != null && e.getMessage().contains("DOCTYPE")
                    ? UploadRefused.unsupported("XML with a DOCTYPE is not accepted.")
                    : UploadRefused.truncated("XML document (it is not well-formed)");
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        if (!signed[0]) {
            throw UploadRefused.unsupported("The XML document has no digital signature (XML-DSig Signature).");
        }
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static boolean endsWith(byte[] data, byte[] suffix) {
        return data.length >= suffix.length
                && Arrays.equals(data, data.length - suffix.length, data.length, suffix, 0, suffix.length);
    }

    /** JPEG writers may pad after the end-of-image marker with zero bytes or line ends. */
    private static boolean endsWithIgnoringPadding(byte[] data, byte[] suffix) {
        int end = data.length;
        while (end > 0 && (data[end - 1] == 0 || data[end - 1] == '\n' || data[end - 1] == '\r')) {
            end--;
        }
        return endsWith(Arrays.copyOf(data, end), suffix);
    }

    private static boolean contains(byte[] data, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
