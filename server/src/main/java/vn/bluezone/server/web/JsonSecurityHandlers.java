package vn.bluezone.server.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import tools.jackson.databind.json.JsonMapper;
import vn.bluezone.api.ApiError;
import vn.bluezone.api.ErrorCode;

/** Security failures on API paths, written as the same JSON error shape as every other API error. */
public final class JsonSecurityHandlers {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonSecurityHandlers() {
    }

    public static AuthenticationEntryPoint unauthorized() {
        return (req, res, ex) -> write(res, new ApiError(ErrorCode.UNAUTHORIZED, "log in or send a valid X-Api-Key header"));
    }

    public static AccessDeniedHandler forbidden() {
        return (req, res, ex) -> {
            if (ex instanceof CsrfException) {
                write(res, new ApiError(ErrorCode.CSRF_TOKEN_INVALID, "missing or invalid CSRF token (send X-XSRF-TOKEN or use X-Api-Key)"));
            } else {
                write(res, new ApiError(ErrorCode.FORBIDDEN, "you are not allowed to do this"));
            }
        };
    }

    /** Writes the answer with its code's status ({@link ErrorStatus}). */
    public static void write(HttpServletResponse res, ApiError body) throws IOException {
        res.setStatus(ErrorStatus.of(body.code().orElseThrow()).value());
        res.setContentType(MediaType.APPLICATION_JSON_VALUE);
        res.setCharacterEncoding("UTF-8");
        MAPPER.writeValue(res.getOutputStream(), body);
    }
}
