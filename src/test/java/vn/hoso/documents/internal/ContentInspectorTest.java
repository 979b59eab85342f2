package vn.hoso.documents.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import vn.hoso.documents.SampleFiles;

import static org.assertj.core.api.Assertions.assertThat;

/** Uploads judged by their bytes: the accepted types, and every refusal with its status. */
@Tag("fast")
class ContentInspectorTest {

    static ContentInspector.Inspected inspect(byte[] bytes, long max) throws Exception {
        return ContentInspector.inspect(() -> new ByteArrayInputStream(bytes), max, "file");
    }

    static HttpStatus refusal(byte[] bytes, long max) {
        try {
            inspect(bytes, max);
        } catch (UploadRefused e) {
            return HttpStatus.valueOf(e.getStatusCode().value());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("accepted");
    }

    @Test
    void theAcceptedTypesAreKnownByTheirContentWithSizeAndSha256() throws Exception {
        byte[] pdf = SampleFiles.pdf(5000);
        assertThat(inspect(pdf, 1 << 20)).isEqualTo(new ContentInspector.Inspected(SampleFiles.sha256(pdf),
                pdf.length, "application/pdf"));
        assertThat(inspect(SampleFiles.png(), 1 << 20).mediaType()).isEqualTo("image/png");
        assertThat(inspect(SampleFiles.jpeg(), 1 << 20).mediaType()).isEqualTo("image/jpeg");
        assertThat(inspect(SampleFiles.signedXml(), 1 << 20).mediaType()).isEqualTo("application/xml");
        // a large file: its end is found across reads
        byte[] big = SampleFiles.pdf(300_000);
        assertThat(inspect(big, 1 << 20).sha256()).isEqualTo(SampleFiles.sha256(big));
    }

    @Test
    void emptyOversizeWrongTypeAndTruncatedAreRefused() {
        assertThat(refusal(new byte[0], 100)).isEqualTo(HttpStatus.BAD_REQUEST);
        byte[] pdf = SampleFiles.pdf(2000);
        assertThat(refusal(pdf, pdf.length - 1)).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(refusal("hello, this is text".getBytes(StandardCharsets.UTF_8), 1000))
                .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(refusal(new byte[] {'M', 'Z', 0, 0}, 1000)).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(refusal(Arrays.copyOf(pdf, pdf.length - 20), 1 << 20)).isEqualTo(HttpStatus.BAD_REQUEST);
        byte[] png = SampleFiles.png();
        assertThat(refusal(Arrays.copyOf(png, png.length - 5), 1 << 20)).isEqualTo(HttpStatus.BAD_REQUEST);
        byte[] jpeg = SampleFiles.jpeg();
        assertThat(refusal(Arrays.copyOf(jpeg, jpeg.length / 2), 1 << 20)).isEqualTo(HttpStatus.BAD_REQUEST);
        byte[] xml = SampleFiles.signedXml();
        assertThat(refusal(Arrays.copyOf(xml, xml.length / 2), 1 << 20)).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void xmlMustBeSignedAndHaveNoDoctype() {
        assertThat(refusal("<?xml version=\"1.0\"?><HoSo><a/></HoSo>".getBytes(StandardCharsets.UTF_8), 1000))
                .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        // a signature element in another namespace is no XML-DSig signature
        assertThat(refusal("<HoSo><Signature/></HoSo>".getBytes(StandardCharsets.UTF_8), 1000))
                .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<x xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">&e;<ds:Signature/></x>";
        assertThat(refusal(xxe.getBytes(StandardCharsets.UTF_8), 1000)).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }
}
