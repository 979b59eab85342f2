package vn.hoso.procedures;

/** PROCEDURE: a citizen's or business's dossier (TTHC); WORK: an agency's internal work file. */
public enum CaseKind {
    PROCEDURE, WORK
}
