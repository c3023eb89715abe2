package dev.trent.junit;

import java.util.List;

/**
 * The options of one {@link WithTrent}, as a value: tests whose settings are equal share a Trent
 * where their scope allows it.
 */
record TrentSettings(String account, String region, List<String> imports, String credentials,
        PolicyEnforcement enforcePolicies, TrentScope scope) {
    /** Those of {@code @ExtendWith(TrentExtension.class)} with no {@link WithTrent}. */
    static final TrentSettings DEFAULTS = new TrentSettings("", "us-east-1", List.of(), "", PolicyEnforcement.DEFAULT,
            TrentScope.CLASS);

    TrentSettings {
        imports = List.copyOf(imports);
    }

    static TrentSettings of(WithTrent options) {
        return new TrentSettings(options.account(), options.region(), List.of(options.imports()),
                options.credentials(), options.enforcePolicies(), options.scope());
    }
}
