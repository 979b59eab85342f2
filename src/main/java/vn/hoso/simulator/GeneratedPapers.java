package vn.hoso.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import vn.hoso.cases.CaseModel;
import vn.hoso.documents.CaseDocuments;
import vn.hoso.identity.CurrentUser;
import vn.hoso.procedures.CaseKind;
import vn.hoso.procedures.ProcedureComponent;
import vn.hoso.procedures.ProcedureComponents;

/**
 * Small generated documents for simulated cases, so that the dev run's cases have papers to open: at intake the
 * required components (all of them when submitted online; scanned from paper for most dossiers received in person
 * or by post, some with a component missing), now and then an optional one, and at the issue step the result for
 * most dossiers. Each a one-page PDF naming the case and the component. Decisions are deterministic per planned
 * case (a random of their own, so the simulation's other draws do not change).
 */
final class GeneratedPapers {

    private final CaseDocuments documents;
    private final ProcedureComponents components;

    GeneratedPapers(CaseDocuments documents, ProcedureComponents components) {
        this.documents = documents;
        this.components = components;
    }

    static SplittableRandom randomOf(PlannedCase c) {
        return new SplittableRandom(c.seed() ^ 0x5eedd0c5L);
    }

    /** Returns how many documents were added. */
    int atIntake(PlannedCase c, java.util.UUID caseId, String caseCode, CurrentUser officer) {
        if (c.kind() != CaseKind.PROCEDURE) {
            return 0;
        }
        SplittableRandom random = randomOf(c);
        boolean online = "ONLINE".equals(c.channel());
        double roll = random.nextDouble();
        if (!online && roll >= 0.8) {
            return 0; // kept on paper
        }
        List<ProcedureComponent> given = new ArrayList<>();
        for (ProcedureComponent component : components.of(c.procedureCode())) {
            if (component.required() ? online || roll < 0.65 || given.isEmpty() : random.nextDouble() < 0.3) {
                given.add(component);
            }
        }
        for (ProcedureComponent component : given) {
            documents.add(caseId, component.code(), pdf(caseCode, component.name()), !online, officer);
        }
        return given.size();
    }

    /** Before the issue step completes: the result document, for most dossiers. */
    int atStep(PlannedCase c, String step, java.util.UUID caseId, String caseCode, CurrentUser officer) {
        if (!CaseModel.ISSUE.equals(step) || c.kind() != CaseKind.PROCEDURE) {
            return 0;
        }
        SplittableRandom random = randomOf(c);
        random.nextDouble();
        if (random.nextDouble() >= 0.75) {
            return 0;
        }
        documents.add(caseId, ProcedureComponent.RESULT.code(), pdf(caseCode, ProcedureComponent.RESULT.name()),
                false, officer);
        return 1;
    }

    /** A one-page PDF with a line of text (ASCII only: the standard fonts have no Vietnamese glyphs). */
    static byte[] pdf(String caseCode, String title) {
        String text = ascii("Ho so " + caseCode + " - " + title);
        String stream = "BT /F1 12 Tf 40 760 Td (" + text.replace("\\", "\\\\").replace("(", "\\(")
                .replace(")", "\\)") + ") Tj ET";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                        + "/Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(o -> pdf.append(String.format("%010d 00000 n \n", o)));
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String ascii(String s) {
        String plain = java.text.Normalizer.normalize(s.replace('đ', 'd').replace('Đ', 'D'),
                java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
