package vn.hoso.documents.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.web.multipart.MultipartHttpServletRequest;
import vn.hoso.platform.InvalidRequest;

/** The parts of a multipart request: only the expected ones, flags spelled plainly. */
final class Multipart {

    private Multipart() {
    }

    /** 400 for any part (file or field) or query parameter not in {@code allowed}: nothing else is read. */
    static void onlyParts(MultipartHttpServletRequest request, Set<String> allowed) {
        Set<String> names = new HashSet<>(request.getMultiFileMap().keySet());
        names.addAll(request.getParameterMap().keySet());
        names.removeAll(allowed);
        if (!names.isEmpty()) {
            throw invalid(names.iterator().next(), "Unknown part; the parts are " + allowed + ".");
        }
    }

    /**
     * The one document of an upload request ({@code file}, {@code component}, optional {@code digitizedFromPaper},
     * nothing else), as every upload path reads it: the Documents API, Tasklist's tab, the reception counter.
     */
    static SingleUpload single(MultipartHttpServletRequest request) {
        onlyParts(request, java.util.Set.of("file", "component", "digitizedFromPaper"));
        List<org.springframework.web.multipart.MultipartFile> files = request.getFiles("file");
        String[] components = request.getParameterValues("component");
        if (files.size() != 1) {
            throw invalid("file", "Exactly one file part is required.");
        }
        if (components == null || components.length != 1) {
            throw invalid("component", "Exactly one component is required.");
        }
        return new SingleUpload(new Documents.Upload("file", components[0], files.get(0)::getInputStream),
                flag(request, "digitizedFromPaper"));
    }

    record SingleUpload(Documents.Upload upload, boolean digitizedFromPaper) {
    }

    static boolean flag(MultipartHttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        if (values == null) {
            return false;
        }
        if (values.length != 1 || !(values[0].equals("true") || values[0].equals("false"))) {
            throw invalid(name, "Must be true or false, once.");
        }
        return Boolean.parseBoolean(values[0]);
    }

    static InvalidRequest invalid(String field, String message) {
        return new InvalidRequest(null, field + ": " + message,
                List.of(new InvalidRequest.FieldError(field, message)));
    }
}
