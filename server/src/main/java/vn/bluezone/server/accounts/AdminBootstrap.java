package vn.bluezone.server.accounts;

import java.io.PrintStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.bluezone.server.problem.DomainException;

/**
 * First start: when there is no account at all, creates the administrator {@code admin} with a random password
 * and prints it once on standard output (never to the log file, never stored in clear). The password must be
 * changed at first login. There is no default password anywhere.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AdminBootstrap implements ApplicationRunner {
    public static final String ADMIN_USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AccountService accounts;
    private final PrintStream out;

    public AdminBootstrap(AccountService accounts) {
        this.accounts = accounts;
        this.out = System.out;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.count() > 0) {
            return;
        }
        AccountService.CreatedAccount created;
        try {
            created = accounts.createWithRandomPassword("system", ADMIN_USERNAME, "Administrator", Role.ADMIN, null);
        } catch (DomainException e) {
            // Another server instance created it at the same moment: it printed the password.
            log.info("administrator account already created by another instance");
            return;
        }
        out.println();
        out.println("==================================================================");
        out.println(" First start: created the administrator account.");
        out.println("   username: " + ADMIN_USERNAME);
        out.println("   one-time password: " + created.oneTimePassword());
        out.println(" It is shown only now; you must change it at first login.");
        out.println("==================================================================");
        out.println();
        out.flush();
        log.info("created administrator account '{}' (one-time password printed on standard output)", ADMIN_USERNAME);
    }
}
