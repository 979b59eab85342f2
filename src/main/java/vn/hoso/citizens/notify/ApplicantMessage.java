package vn.hoso.citizens.notify;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import vn.hoso.cases.CaseModel;
import vn.hoso.events.CaseEventData;
import vn.hoso.events.CaseEventTypes;
import vn.hoso.events.CaseReceived;
import vn.hoso.events.CaseResolved;
import vn.hoso.events.DueDateChanged;
import vn.hoso.events.Resolution;
import vn.hoso.events.StepCompleted;

/**
 * The one table of what the applicant is told and when: each constant names the event type (and, where one type
 * means several moments, which of its events) that sends it, and its text. The moments are those of the one-stop
 * shop rules (received with the appointment date; returned incomplete before receipt, Mẫu 02; refused, Mẫu 03;
 * supplementation requested; awaiting a financial obligation; apology with a new date; rejected; stopped; result
 * ready; returned). A new event type (a pause, a payment request …) is one more constant here; nothing else
 * changes. {@code {code}}, {@code {procedure}}, {@code {unit}} (the receiving unit), {@code {date}} (the date the event
 * carries, else the appointment date) are filled in when the message is queued.
 */
public enum ApplicantMessage {

    RECEIVED(CaseEventTypes.RECEIVED, e -> true, e -> e instanceof CaseReceived r ? r.dueDate() : null,
            "Đã tiếp nhận hồ sơ {code}",
            "{unit} đã tiếp nhận hồ sơ {code} ({procedure}) của ông/bà. Ngày hẹn trả kết quả: {date}."),
    SUPPLEMENTATION_REQUESTED(CaseEventTypes.SUPPLEMENTATION_REQUESTED, e -> true, e -> null,
            "Hồ sơ {code} cần bổ sung",
            "Hồ sơ {code} ({procedure}) cần bổ sung giấy tờ. Đề nghị ông/bà liên hệ {unit} để được hướng dẫn. "
                    + "Thời gian chờ bổ sung không tính vào thời hạn giải quyết."),
    APOLOGY(CaseEventTypes.DUE_DATE_CHANGED,
            e -> e instanceof DueDateChanged d && d.reason() == DueDateChanged.Reason.APOLOGY,
            e -> e instanceof DueDateChanged d ? d.dueDate() : null,
            "Hồ sơ {code}: xin lỗi và hẹn lại ngày trả",
            "Cơ quan giải quyết xin lỗi ông/bà vì hồ sơ {code} ({procedure}) chưa giải quyết xong đúng hẹn. "
                    + "Ngày hẹn trả kết quả mới: {date}."),
    REJECTED(CaseEventTypes.RESOLVED, e -> e instanceof CaseResolved r && r.outcome() == Resolution.REJECTED,
            e -> null,
            "Hồ sơ {code} không được giải quyết",
            "Hồ sơ {code} ({procedure}) không được giải quyết; lý do được nêu trong văn bản trả lời của cơ quan. "
                    + "Ông/bà có thể liên hệ {unit} để được hướng dẫn."),
    RESULT_READY(CaseEventTypes.STEP_COMPLETED,
            e -> e instanceof StepCompleted s && CaseModel.ISSUE.equals(s.step()), e -> null,
            "Hồ sơ {code} đã có kết quả",
            "Hồ sơ {code} ({procedure}) đã có kết quả. Mời ông/bà đến {unit} nhận kết quả, mang theo giấy tiếp "
                    + "nhận hồ sơ (và nộp phí, lệ phí nếu thủ tục có)."),
    RETURNED(CaseEventTypes.STEP_COMPLETED, e -> e instanceof StepCompleted s
            && Set.of(CaseModel.RETURN_RESULT, CaseModel.RETURN_AT_RECEIVING_UNIT).contains(s.step()), e -> null,
            "Hồ sơ {code} đã trả kết quả",
            "Hồ sơ {code} ({procedure}) đã hoàn thành và đã trả kết quả cho ông/bà. Cảm ơn ông/bà."),
    /** Mẫu 02: returned incomplete before it was received; the applicant completes it and submits again. */
    NOT_RECEIVED(CaseEventTypes.RETURNED_INCOMPLETE, e -> true, e -> null,
            "Hồ sơ {code} cần hoàn thiện trước khi tiếp nhận",
            "Hồ sơ {code} ({procedure}) chưa đủ thành phần nên chưa được tiếp nhận. Đề nghị ông/bà hoàn thiện hồ sơ "
                    + "theo phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02) và nộp lại tại {unit}."),
    /** Mẫu 03: refused at reception. */
    REFUSED(CaseEventTypes.REFUSED, e -> true, e -> null,
            "Hồ sơ {code} không được tiếp nhận",
            "Hồ sơ {code} ({procedure}) không được tiếp nhận; lý do được nêu trong phiếu từ chối tiếp nhận, giải "
                    + "quyết hồ sơ (Mẫu 03). Ông/bà có thể liên hệ {unit} để được hướng dẫn."),
    /** Awaiting the applicant's financial obligation: the clock is paused until it is met. */
    PAYMENT_REQUESTED(CaseEventTypes.PAYMENT_REQUESTED, e -> true, e -> null,
            "Hồ sơ {code}: mời thực hiện nghĩa vụ tài chính",
            "Hồ sơ {code} ({procedure}) đang chờ ông/bà thực hiện nghĩa vụ tài chính (phí, lệ phí, thuế). Thời gian "
                    + "chờ không tính vào thời hạn giải quyết. Đề nghị ông/bà liên hệ {unit} để được hướng dẫn."),
    /** Processing stopped (dừng xử lý). */
    STOPPED(CaseEventTypes.RESOLVED, e -> e instanceof CaseResolved r && r.outcome() == Resolution.STOPPED,
            e -> null,
            "Hồ sơ {code} dừng xử lý",
            "Hồ sơ {code} ({procedure}) đã dừng xử lý; lý do được nêu trong văn bản của cơ quan giải quyết. "
                    + "Ông/bà có thể liên hệ {unit} để được hướng dẫn.");

    private final String eventType;
    private final Predicate<CaseEventData> when;
    private final Function<CaseEventData, LocalDate> date;
    private final String subject;
    private final String text;

    ApplicantMessage(String eventType, Predicate<CaseEventData> when, Function<CaseEventData, LocalDate> date,
                     String subject, String text) {
        this.eventType = eventType;
        this.when = when;
        this.date = date;
        this.subject = subject;
        this.text = text;
    }

    /** The message an event sends the applicant, if any. */
    public static Optional<ApplicantMessage> of(CaseEventData event) {
        return Arrays.stream(values()).filter(m -> m.eventType.equals(event.type()) && m.when.test(event))
                .findFirst();
    }

    /** The date the event carries for the message (a new appointment date), or null. */
    LocalDate dateOf(CaseEventData event) {
        return date.apply(event);
    }

    /** The facts a message is filled in with. */
    record Facts(String code, String procedure, String unit, String date, String lookupLink) {
    }

    String subject(Facts facts) {
        return fill(subject, facts);
    }

    String body(Facts facts) {
        return fill(text, facts) + "\n\nTra cứu hồ sơ (cần mã tra cứu trên giấy tiếp nhận): " + facts.lookupLink()
                + "\n\nĐây là thư tự động của hệ thống Hồ sơ một cửa; xin đừng trả lời thư này.";
    }

    private static String fill(String template, Facts f) {
        return template.replace("{code}", f.code()).replace("{procedure}", f.procedure()).replace("{unit}", f.unit())
                .replace("{date}", f.date());
    }
}
