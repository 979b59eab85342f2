package vn.hoso.events;

import java.time.OffsetDateTime;
import java.util.Map;

import vn.hoso.units.Tier;

/**
 * {@code vn.hoso.case.payment-requested}: the case waits for the applicant's financial obligation (fee, charge, tax;
 * national portal status 6 "chờ thực hiện nghĩa vụ tài chính"). The clock is paused until it is met; then the
 * appointment date moves by the working days waited ({@code due-date-changed}, reason {@code PAYMENT}).
 */
public record PaymentRequested(String caseId, String unitCode, Tier tier, OffsetDateTime requestedAt)
        implements CaseEventData {

    @Override
    public String type() {
        return CaseEventTypes.PAYMENT_REQUESTED;
    }

    @Override
    public Map<String, Object> toData() {
        return new EventValues(caseId).put("unitCode", unitCode).put("tier", tier).put("requestedAt", requestedAt)
                .map();
    }

    static PaymentRequested read(DataReader d) {
        return new PaymentRequested(d.text("caseId"), d.text("unitCode"), d.tier("tier"), d.time("requestedAt"));
    }
}
