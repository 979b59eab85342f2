package vn.hoso.procedures;

/**
 * One component of a procedure's dossier (thành phần hồ sơ): its code (what the Documents API takes), Vietnamese
 * name, whether it must be among the documents at reception, and whether several files may be given for it.
 */
public record ProcedureComponent(String code, String name, boolean required, boolean multiple) {

    /** The result document every procedure's case ends with (attached at the issue step, stage RESULT). */
    public static final ProcedureComponent RESULT =
            new ProcedureComponent("KET_QUA", "Kết quả giải quyết", false, true);
}
