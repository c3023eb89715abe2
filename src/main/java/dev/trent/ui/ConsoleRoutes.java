package dev.trent.ui;

import dev.trent.admin.AdminRoutes;
import dev.trent.kms.Kms;
import dev.trent.kms.Scope;
import java.util.function.Supplier;

/**
 * The web console: its static files under {@code /_trent/ui/} and the read-only JSON it reads
 * under {@code /_trent/api/}. Its clock, fault and request-log views call the test-control
 * endpoints ({@code /_trent/clock}, {@code /_trent/faults}, {@code /_trent/requests}), registered
 * elsewhere.
 */
public final class ConsoleRoutes {
    private ConsoleRoutes() {
    }

    /**
     * @param kms the domain, asked for on each request (Trent builds it while it starts listening)
     * @param defaultScope where unsigned requests go (--account, --region): the console opens it first
     */
    public static void register(AdminRoutes routes, Supplier<Kms> kms, Scope defaultScope) {
        StaticFiles files = new StaticFiles();
        routes.add("GET", StaticFiles.ROOT, files);
        routes.add("GET", StaticFiles.ROOT.substring(0, StaticFiles.ROOT.length() - 1), files);
        new InventoryRoutes(kms, defaultScope).register(routes);
    }
}
