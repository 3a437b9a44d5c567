package vn.bluezone.server;

import java.sql.SQLException;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.validation.FieldError;

/**
 * Turns a start-up failure into the one line an operator needs ("invalid configuration: bluezone.keys.x ...",
 * "port 8080 is already in use", "cannot connect to the database ..."), without a stack trace.
 */
public final class StartupFailures {
    private StartupFailures() {
    }

    public static String describe(Throwable failure) {
        PortInUseException port = find(failure, PortInUseException.class);
        if (port != null) {
            return "port " + port.getPort() + " is already in use (choose another with --port or SERVER_PORT)";
        }
        BindValidationException invalid = find(failure, BindValidationException.class);
        if (invalid != null) {
            String prefix = invalid.getValidationErrors().getName().toString();
            String problems = invalid.getValidationErrors().getAllErrors().stream().map(e -> {
                if (e instanceof FieldError fe) {
                    return prefix + "." + kebab(fe.getField()) + " " + fe.getDefaultMessage()
                            + " (was '" + fe.getRejectedValue() + "')";
                }
                return prefix + ": " + e.getDefaultMessage();
            }).collect(Collectors.joining("; "));
            return "invalid configuration: " + problems;
        }
        BindException bind = find(failure, BindException.class);
        if (bind != null) {
            String value = bind.getProperty() == null ? "" : " (was '" + bind.getProperty().getValue() + "')";
            Throwable root = rootCause(bind);
            return "invalid configuration: " + bind.getName() + value + ": "
                    + (root.getMessage() == null ? root.getClass().getSimpleName() : firstLine(root.getMessage()));
        }
        SQLException sql = find(failure, SQLException.class);
        if (sql != null && !isFlyway(failure)) {
            return "cannot use the database: " + firstLine(sql.getMessage())
                    + " (check BLUEZONE_DB_URL, BLUEZONE_DB_USER, BLUEZONE_DB_PASSWORD)";
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getClass().getName().startsWith("org.flywaydb") && t.getMessage() != null) {
                if (t.getMessage().startsWith("Unable to obtain connection")) {
                    return "cannot use the database: " + firstLine(t.getMessage())
                            + " (check BLUEZONE_DB_URL, BLUEZONE_DB_USER, BLUEZONE_DB_PASSWORD)";
                }
                return "database migration failed: " + firstLine(t.getMessage());
            }
        }
        Throwable root = rootCause(failure);
        return "the server could not start: " + (root.getMessage() == null ? root.getClass().getSimpleName()
                : firstLine(root.getMessage()));
    }

    private static boolean isFlyway(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getClass().getName().startsWith("org.flywaydb")) {
                return true;
            }
        }
        return false;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        return r;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    private static String kebab(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
