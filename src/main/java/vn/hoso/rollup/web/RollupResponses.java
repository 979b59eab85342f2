package vn.hoso.rollup.web;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.hoso.rollup.export.Exports;
import vn.hoso.rollup.query.RollupModel.Period;

/** An answer of the rollup API in the format asked for: JSON, or a CSV or Excel download of its table. */
final class RollupResponses {

    private RollupResponses() {
    }

    /**
     * @param name  the download's file name before {@code _from_to.csv|xlsx}
     * @param table the answer's table, laid out only for a download
     */
    static ResponseEntity<?> respond(String format, Object json, String name, Period period,
                                     Supplier<Exports.Table> table) {
        if (format.equals("json")) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
        }
        boolean csv = format.equals("csv");
        byte[] body = csv ? Exports.csv(table.get()) : Exports.xlsx(table.get());
        String filename = name + "_" + period.from() + "_" + period.to() + (csv ? ".csv" : ".xlsx");
        return ResponseEntity.ok()
                .contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                        : MediaType.parseMediaType(Exports.XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
