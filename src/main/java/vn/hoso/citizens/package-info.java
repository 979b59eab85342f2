/**
 * Citizens: what the person a case is for gets from it. The applicant's contact (optional e-mail and phone, taken at
 * intake through {@link vn.hoso.cases.IntakeExtension}, stored in its own table and never in events), a random lookup
 * PIN (stored hashed, shown once to the receiving officer), the receipt Mẫu 01 as PDF with a QR code of the lookup
 * page (with the components received, from the documents), the public lookup ({@code /tra-cuu}, {@code /api/public/cases/{code}?pin=}) built from the event log, and the
 * messages to the applicant when the case moves. Nothing here is used by other modules; its settings are
 * {@link vn.hoso.citizens.CitizensProperties}. docs/citizens.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Citizens",
        allowedDependencies = {"platform", "identity", "units", "procedures", "events", "cases", "documents"})
package vn.hoso.citizens;
