package com.syncledger.app.api;

import com.syncledger.app.views.PlatformsView;
import com.syncledger.connectors.wire.Env;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The nine platforms, as {@code ./syncledger platforms --json} prints them (without a credential check). */
@RestController
class PlatformsController {

    private final Env env;
    private final Clock clock = Clock.systemUTC();

    PlatformsController(Env env) {
        this.env = env;
    }

    @GetMapping("/platforms")
    @Operation(summary = "The nine platforms: credentials configured or not, the API version each connector speaks "
            + "and its published sunset (null when none), with a warning from 90 days before a sunset")
    PlatformsView platforms() {
        return PlatformsView.of(env, LocalDate.now(clock), Map.of());
    }
}
