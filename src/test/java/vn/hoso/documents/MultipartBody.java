package vn.hoso.documents;


import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A {@code multipart/form-data} body for the tests: fields and files, in order; a file may stream from disk. */
public final class MultipartBody {

    private final String boundary = "hoso-" + UUID.randomUUID();
    private final List<HttpRequest.BodyPublisher> parts = new ArrayList<>();

    public MultipartBody field(String name, String value) {
        return text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                + "\r\n");
    }

    public MultipartBody json(String name, String json) {
        return text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + json + "\r\n");
    }

    public MultipartBody file(String name, String filename, String contentType, byte[] bytes) {
        text(fileHeader(name, filename, contentType));
        parts.add(HttpRequest.BodyPublishers.ofByteArray(bytes));
        return text("\r\n");
    }

    public MultipartBody file(String name, String filename, String contentType, Path path) {
        text(fileHeader(name, filename, contentType));
        try {
            parts.add(HttpRequest.BodyPublishers.ofFile(path));
        } catch (java.io.FileNotFoundException e) {
            throw new IllegalArgumentException(e);
        }
        return text("\r\n");
    }

    private String fileHeader(String name, String filename, String contentType) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
    }

    private MultipartBody text(String s) {
        parts.add(HttpRequest.BodyPublishers.ofByteArray(s.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public HttpRequest.BodyPublisher publisher() {
        List<HttpRequest.BodyPublisher> all = new ArrayList<>(parts);
        all.add(HttpRequest.BodyPublishers.ofByteArray(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8)));
        return HttpRequest.BodyPublishers.concat(all.toArray(HttpRequest.BodyPublisher[]::new));
    }

}
