package dev.trent.policy;

import java.util.Arrays;
import java.util.List;

/** Short request contexts for the tables. */
final class Req {
    static final String ACCOUNT = "111122223333";
    static final String OTHER_ACCOUNT = "444455556666";
    static final String KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    static final String OTHER_KEY = "arn:aws:kms:us-east-1:111122223333:key/0987dcba-09fe-87dc-65ba-ab0987654321";
    static final String ALICE = "arn:aws:iam::111122223333:user/Alice";
    static final String BOB = "arn:aws:iam::111122223333:user/Bob";
    static final String ROOT = "arn:aws:iam::111122223333:root";
    static final String STRANGER = "arn:aws:iam::444455556666:user/Stranger";

    private final RequestContext.Builder builder = RequestContext.builder();
    private final String label;

    private Req(String label) {
        this.label = label;
    }

    static Req of(String principalArn, String action, String resource) {
        Req r = new Req(principalArn.substring(principalArn.lastIndexOf(':') + 1) + " " + action);
        r.builder.principal(RequestPrincipal.aws(principalArn)).action(action).resource(resource);
        return r;
    }

    /** Alice encrypting with KEY, the usual request of the condition tables. */
    static Req alice() {
        return of(ALICE, "kms:Encrypt", KEY);
    }

    static Req service(String servicePrincipal, String action) {
        Req r = new Req(servicePrincipal + " " + action);
        r.builder.principal(RequestPrincipal.service(servicePrincipal)).action(action).resource(KEY);
        return r;
    }

    Req k(String key, String... values) {
        builder.key(key, Arrays.asList(values));
        return this;
    }

    RequestContext build() {
        return builder.build();
    }

    List<String> values(String key) {
        return build().values(key);
    }

    @Override
    public String toString() {
        return label;
    }
}
