package vn.hoso.citizens.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.BiFunction;

import vn.hoso.cases.CaseModel;
import vn.hoso.events.CaseEventData;
import vn.hoso.events.CaseEventTypes;
import vn.hoso.events.CaseResolved;
import vn.hoso.events.CaseTransferred;
import vn.hoso.events.DueDateChanged;
import vn.hoso.events.StepCompleted;

/**
 * What the applicant reads, in Vietnamese, in one place: the timeline line of each event type, the wording of each
 * case status and what the applicant must do then. Each is a table keyed by name (event type, status), so that a new
 * event type or status is one more line here; what is not in a table is left out of the timeline (a step inside the
 * administration the applicant need not see) or shown by its plain status.
 */
final class CitizenWording {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** A unit's name by code, as the unit was on the event's day. */
    interface UnitNames {
        String of(String unitCode);
    }

    /** Timeline line per event type; null from a function leaves that event out. */
    static final Map<String, BiFunction<CaseEventData, UnitNames, String>> TIMELINE = Map.of(
            CaseEventTypes.RECEIVED, (e, names) -> "Tiếp nhận hồ sơ",
            CaseEventTypes.TRANSFERRED, (e, names) -> e instanceof CaseTransferred t && t.toUnit() != null
                    ? "Chuyển hồ sơ đến " + names.of(t.toUnit()) : null,
            CaseEventTypes.STEP_COMPLETED, (e, names) -> e instanceof StepCompleted s ? step(s.step()) : null,
            CaseEventTypes.SUPPLEMENTATION_REQUESTED, (e, names) -> "Yêu cầu bổ sung hồ sơ",
            CaseEventTypes.DUE_DATE_CHANGED, (e, names) -> e instanceof DueDateChanged d && d.dueDate() != null
                    ? (d.reason() == DueDateChanged.Reason.APOLOGY ? "Xin lỗi vì chậm trễ, hẹn lại ngày trả kết quả: "
                    : "Ngày hẹn trả kết quả lùi theo thời gian bổ sung: ") + DATE.format(d.dueDate()) : null,
            CaseEventTypes.RESOLVED, (e, names) -> e instanceof CaseResolved r && r.outcome() != null
                    ? switch (r.outcome()) {
                        case APPROVED -> null; // the step "issue" says it
                        case REJECTED -> "Từ chối giải quyết hồ sơ";
                        case WITHDRAWN -> "Rút hồ sơ theo đề nghị của người nộp";
                        case STOPPED -> "Dừng xử lý hồ sơ";
                    } : null);

    /** Timeline line per completed step (task key); the others stay inside the administration. */
    static final Map<String, String> STEPS = Map.of(
            CaseModel.APPRAISE, "Thẩm định hồ sơ",
            CaseModel.AWAIT_SUPPLEMENT, "Nhận hồ sơ bổ sung",
            CaseModel.APPROVE, "Lãnh đạo phê duyệt",
            CaseModel.ISSUE, "Ban hành kết quả giải quyết",
            CaseModel.RETURN_RESULT, "Trả kết quả cho người nộp",
            CaseModel.RETURN_AT_RECEIVING_UNIT, "Trả kết quả cho người nộp");

    /** The wording of each case status (CaseStatus names, and those other modules may add). */
    static final Map<String, String> STATUS = Map.ofEntries(
            Map.entry("RECEIVED", "Đã tiếp nhận"),
            Map.entry("PROCESSING", "Đang giải quyết"),
            Map.entry("SUPPLEMENTATION_REQUESTED", "Chờ người nộp bổ sung hồ sơ"),
            Map.entry("AWAITING_PAYMENT", "Chờ nộp phí, lệ phí"),
            Map.entry("SUSPENDED", "Tạm dừng xử lý"),
            Map.entry("FINISHED", "Đã có kết quả, chờ trả"),
            Map.entry("RETURNED", "Đã trả kết quả"),
            Map.entry("REJECTED", "Từ chối giải quyết"),
            Map.entry("WITHDRAWN", "Đã rút hồ sơ"),
            Map.entry("STOPPED", "Đã dừng xử lý"),
            Map.entry("NOT_RECEIVED", "Chưa tiếp nhận: cần hoàn thiện hồ sơ (Mẫu 02)"));

    /** What the applicant must do, per status: a code for machines and the sentence for people. */
    record Action(String code, String text) {
    }

    /** {@code %1$s} = the receiving unit's name, {@code %2$s} = the appointment date. */
    static final Map<String, Action> ACTION = Map.of(
            "RECEIVED", new Action("NONE", "Ông/bà không cần làm gì thêm. Kết quả dự kiến trả ngày %2$s tại %1$s."),
            "PROCESSING", new Action("NONE", "Ông/bà không cần làm gì thêm. Kết quả dự kiến trả ngày %2$s tại %1$s."),
            "SUPPLEMENTATION_REQUESTED", new Action("SUPPLEMENT", "Đề nghị ông/bà bổ sung hồ sơ theo hướng dẫn của "
                    + "cơ quan giải quyết, tại %1$s. Thời gian chờ bổ sung không tính vào thời hạn giải quyết."),
            "AWAITING_PAYMENT", new Action("PAY", "Đề nghị ông/bà nộp phí, lệ phí theo thông báo để hồ sơ được "
                    + "tiếp tục giải quyết."),
            "FINISHED", new Action("COLLECT", "Đề nghị ông/bà đến nhận kết quả tại %1$s, mang theo giấy tiếp nhận "
                    + "hồ sơ (và nộp phí, lệ phí nếu thủ tục có)."),
            "RETURNED", new Action("NONE", "Hồ sơ đã hoàn thành, kết quả đã được trả."),
            "REJECTED", new Action("NONE", "Hồ sơ không được giải quyết; lý do ghi trong văn bản trả lời của cơ quan. "
                    + "Ông/bà có thể liên hệ %1$s để được hướng dẫn."),
            "WITHDRAWN", new Action("NONE", "Hồ sơ đã được rút theo đề nghị của ông/bà."),
            "STOPPED", new Action("NONE", "Hồ sơ đã dừng xử lý; lý do ghi trong văn bản của cơ quan giải quyết. "
                    + "Ông/bà có thể liên hệ %1$s để được hướng dẫn."),
            "NOT_RECEIVED", new Action("RESUBMIT", "Đề nghị ông/bà hoàn thiện hồ sơ theo phiếu yêu cầu bổ sung, hoàn "
                    + "thiện hồ sơ (Mẫu 02) và nộp lại tại %1$s."));

    private CitizenWording() {
    }

    static String step(String taskKey) {
        return taskKey == null ? null : STEPS.get(taskKey);
    }

    static String status(String status) {
        return STATUS.getOrDefault(status, status);
    }

    static Action action(String status, String receivingUnitName, LocalDate appointmentDate) {
        Action action = ACTION.getOrDefault(status, new Action("NONE", "Ông/bà không cần làm gì thêm."));
        return new Action(action.code(), action.text().formatted(receivingUnitName,
                appointmentDate == null ? "" : DATE.format(appointmentDate)));
    }
}
