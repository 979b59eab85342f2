package vn.hoso.platform;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.res.StringManager;

/**
 * Tomcat's own error page for what it refuses before the application sees the request (a NUL or other bad
 * character in the path, a malformed request line …), written as {@code application/problem+json} like every
 * other error of this product instead of Tomcat's HTML page with its version. Errors the application answered
 * itself are left alone.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get() || !response.setErrorReported()) {
            return;
        }
        String reason = status >= 500 ? "The request could not be processed." : "The request was refused.";
        String title = StringManager.getManager(ErrorReportValve.class).getString("http." + status + ".reason");
        String json = "{\"type\":\"about:blank\",\"title\":\"" + (title == null || title.startsWith("Cannot find")
                ? "Error" : title.replace("\"", "'")) + "\",\"status\":" + status + ",\"detail\":\"" + reason + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was committed: nothing more to say
        }
    }
}
