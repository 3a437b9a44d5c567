package vn.bluezone.server.web.limits;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Lets {@link RequestGuardFilter} close a refused connection without reading the rest of its body. Tomcat by
 * default "swallows" an unread body before closing (to keep the connection), with a blocking read: a refused slow
 * client would still hold a thread for as long as it trickles (measured: the 503 arrived, the thread stayed).
 * The servlet API has no way to say "do not drain", so this valve hands the filter a hook, as a request
 * attribute, that tells Tomcat to close cleanly instead.
 */
final class NoSwallowValve extends ValveBase {
    static final String HOOK_ATTRIBUTE = NoSwallowValve.class.getName() + ".hook";

    NoSwallowValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        request.setAttribute(HOOK_ATTRIBUTE, (Runnable) () -> {
            request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
            // That marks the response as failed; the filter has written the answer already, so no error page
            // (rendering one would read the request's parameters, i.e. wait for the slow body again).
            response.getCoyoteResponse().setErrorReported();
        });
        getNext().invoke(request, response);
    }
}
