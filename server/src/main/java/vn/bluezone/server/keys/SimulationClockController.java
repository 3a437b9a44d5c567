package vn.bluezone.server.keys;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.bluezone.api.ApiPaths;
import vn.bluezone.api.officer.ClockTime;
import vn.bluezone.server.accounts.CurrentOfficial;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.web.ContractValidator;

/** Reads and moves the {@link SimulationClock}; absent (404) unless the test-server property is set. */
@RestController
@RequestMapping(ApiPaths.ADMIN_CLOCK)
@ConditionalOnProperty(name = SimulationClock.PROPERTY, havingValue = "true")
@Tag(name = "key server administration")
public class SimulationClockController {
    private final SimulationClock clock;
    private final CurrentOfficial current;

    public SimulationClockController(SimulationClock clock, CurrentOfficial current) {
        this.clock = clock;
        this.current = current;
    }

    @InitBinder
    void contract(WebDataBinder binder) {
        binder.addValidators(new ContractValidator());
    }

    @GetMapping
    @Operation(summary = "The simulation clock (test servers only)")
    public ClockTime now() {
        current.requireRole(Role.ADMIN);
        return new ClockTime(clock.instant());
    }

    @PutMapping
    @Operation(summary = "Move the simulation clock forward (test servers only); 409 CLOCK_BACKWARDS")
    public ClockTime moveTo(@Valid @RequestBody ClockTime body) {
        current.requireRole(Role.ADMIN);
        return new ClockTime(clock.moveTo(body.now()));
    }
}
