package vn.bluezone.server.keys;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.bluezone.server.accounts.CurrentOfficial;
import vn.bluezone.server.accounts.Role;

/** Reads and moves the {@link SimulationClock}; absent (404) unless the test-server property is set. */
@RestController
@RequestMapping("/api/v1/admin/clock")
@ConditionalOnProperty(name = SimulationClock.PROPERTY, havingValue = "true")
@Tag(name = "key server administration")
public class SimulationClockController {
    private final SimulationClock clock;
    private final CurrentOfficial current;

    public SimulationClockController(SimulationClock clock, CurrentOfficial current) {
        this.clock = clock;
        this.current = current;
    }

    /** The key server's time. */
    public record Now(@NotNull Instant now) {
    }

    @GetMapping
    @Operation(summary = "The simulation clock (test servers only)")
    public Now now() {
        current.requireRole(Role.ADMIN);
        return new Now(clock.instant());
    }

    @PutMapping
    @Operation(summary = "Move the simulation clock forward (test servers only); 409 CLOCK_BACKWARDS")
    public Now moveTo(@Valid @RequestBody Now body) {
        current.requireRole(Role.ADMIN);
        return new Now(clock.moveTo(body.now()));
    }
}
