package dev.trent.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.trent.crypto.Randomness;
import dev.trent.store.InMemoryStore;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * AWS's quota of 50,000 grants per KMS key. Filling a key with that many grants through the API
 * would take minutes, so the grants are put in the store directly and the last ones are asked of
 * the domain, as CreateGrant does.
 */
class GrantQuotaTest {
    private static final Scope SCOPE = new Scope("111122223333", "us-east-1");
    private static final String USER = "arn:aws:iam::111122223333:user/exampleUser";

    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = new MutableClock();
    private final Randomness random = new Randomness();
    private final Kms kms = new Kms(store, clock, random);
    private KmsKey key;

    @BeforeEach
    void fillTheKeyToOneBelowTheQuota() {
        key = kms.keys().create(Requester.root(SCOPE), new CreateKeyCommand("", KeySpec.SYMMETRIC_DEFAULT, null, Origin.AWS_KMS,
                false, null, List.of(), null, null, false));
        for (int i = 1; i < Grants.GRANTS_PER_KEY; i++) {
            store.putGrant(new Grant(SCOPE, key.keyId(), random.hex(32), null, clock.instant(), USER, null, null, null,
                    SCOPE.rootPrincipal(), List.of(GrantOperation.Decrypt), GrantConstraints.NONE));
        }
        assertThat(store.grantCount(SCOPE, key.keyId())).isEqualTo(49_999);
    }

    @Test
    void theFiftyThousandthGrantIsTheLast() {
        kms.grants().create(Requester.root(SCOPE), command("last", false));

        KmsException refused = catchThrowableOfType(() -> kms.grants().create(Requester.root(SCOPE), command(null, false)),
                KmsException.class);

        assertThat(refused.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
        assertThat(refused.getMessage()).isEqualTo("The grants per KMS key quota (50000) has been reached for "
                + key.arn() + ".");
        assertThat(store.grantCount(SCOPE, key.keyId())).isEqualTo(50_000);
    }

    @Test
    void aRetryOfAnExistingGrantStillSucceedsAtTheQuota() {
        String grantId = kms.grants().create(Requester.root(SCOPE), command("retried", false)).grantId();

        assertThat(kms.grants().create(Requester.root(SCOPE), command("retried", false)).grantId()).isEqualTo(grantId);
    }

    @Test
    void aDryRunAtTheQuotaIsRefusedAsTheRequestWouldBe() {
        kms.grants().create(Requester.root(SCOPE), command(null, false));

        KmsException refused = catchThrowableOfType(() -> kms.grants().create(Requester.root(SCOPE), command(null, true)),
                KmsException.class);

        assertThat(refused.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
    }

    private CreateGrantCommand command(String name, boolean dryRun) {
        return new CreateGrantCommand(key.keyId(), USER, null, null, null, List.of(GrantOperation.Encrypt),
                GrantConstraints.NONE, name, dryRun);
    }
}
