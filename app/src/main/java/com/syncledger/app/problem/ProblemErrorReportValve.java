package com.syncledger.app.problem;

import java.io.PrintWriter;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/**
 * Tomcat's last word on errors it raises before the application sees the request (an encoded slash or
 * NUL in the path, an oversized header, ...): a problem like every other error, instead of Tomcat's HTML page.
 * Errors inside the application are answered by {@link ErrorPages} and never get here.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatusCode code = HttpStatusCode.valueOf(status);
        ProblemKind kind = ProblemKind.forStatus(code);
        HttpStatus known = HttpStatus.resolve(status);
        // Only our own constant words go into this body, so it needs no JSON escaping.
        String body = "{\"type\":\"" + kind.type() + "\",\"title\":\"" + kind.title() + "\",\"status\":" + status
                + ",\"detail\":\"" + (known == null ? "The request could not be completed" : known.getReasonPhrase())
                + ".\"}";
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (Exception | Error e) {
            // The response is already committed or the client has gone: nothing more can be said.
        }
    }
}
