package vn.hoso.citizens.internal;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.hoso.platform.InvalidRequest.FieldError;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("fast")
class ContactAndPinRulesTest {

    @Test
    void vietnamesePhoneNumbersAreKeptInE164() {
        assertThat(ApplicantContacts.normalizePhone("0912 345 678")).isEqualTo("+84912345678");
        assertThat(ApplicantContacts.normalizePhone("+84 912.345.678")).isEqualTo("+84912345678");
        assertThat(ApplicantContacts.normalizePhone("84-386-123-456")).isEqualTo("+84386123456");
        assertThat(ApplicantContacts.normalizePhone("0220 3851 234")).isEqualTo("+842203851234");
        for (String bad : new String[] {"12345", "0123456789", "+1 202 555 0100", "09123456789", "091234567a", ""}) {
            assertThat(ApplicantContacts.normalizePhone(bad)).as(bad).isNull();
        }
    }

    @Test
    void contactFieldsAreOptionalButValidated() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<FieldError> errors = new ArrayList<>();
        var ok = ApplicantContacts.read(json.readTree("{\"email\":\" an.nguyen@ubnd.haiphong.gov.vn \"}"), errors);
        assertThat(errors).isEmpty();
        assertThat(ok).isEqualTo(new ApplicantContacts.Contact("an.nguyen@ubnd.haiphong.gov.vn", null));
        assertThat(ApplicantContacts.read(json.readTree("{}"), errors)).isEqualTo(new ApplicantContacts.Contact(null, null));
        assertThat(errors).isEmpty();

        for (String bad : new String[] {"{\"email\":\"a@b\"}", "{\"email\":\"a b@c.vn\"}", "{\"email\":\"a@c\\n.vn\"}",
                "{\"email\":[\"a@c.vn\"]}", "{\"email\":\"" + "a".repeat(250) + "@c.vn\"}",
                "{\"phone\":12345}", "{\"phone\":\"+84\"}"}) {
            List<FieldError> e = new ArrayList<>();
            ApplicantContacts.read(json.readTree(bad), e);
            assertThat(e).as(bad).hasSize(1);
        }
    }

    @Test
    void pinsAreReadLeniently() {
        assertThat(LookupPins.normalize("abcd-efgh")).isEqualTo("ABCDEFGH");
        assertThat(LookupPins.normalize(" ABCD EFGH ")).isEqualTo("ABCDEFGH");
        assertThat(LookupPins.normalize("ABCD-EFG0")).isNull(); // no 0, O, 1, I in the alphabet
        assertThat(LookupPins.normalize("ABCD-EFG")).isNull();
        assertThat(LookupPins.normalize(null)).isNull();
        assertThat(LookupPins.format("ABCDEFGH")).isEqualTo("ABCD-EFGH");
    }
}
