package dev.trent.kms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.crypto.Randomness;
import dev.trent.store.InMemoryStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CreateGrant in the key state that the API cannot yet produce (custom key stores come in a later
 * piece): AWS's key-state table lets an Unavailable key, whose custom key store is disconnected,
 * take grants.
 */
class GrantKeyStatesTest {
    private static final Scope SCOPE = new Scope("111122223333", "us-east-1");

    private final InMemoryStore store = new InMemoryStore();
    private final Kms kms = new Kms(store, new MutableClock(), new Randomness());

    @Test
    void anUnavailableKeyTakesGrants() {
        KmsKey key = kms.keys().create(Requester.root(SCOPE), new CreateKeyCommand("", KeySpec.SYMMETRIC_DEFAULT, null, Origin.AWS_KMS,
                false, null, List.of(), null, null, false));
        store.putKey(key.withState(KeyState.UNAVAILABLE));

        String grantId = kms.grants().create(Requester.root(SCOPE), new CreateGrantCommand(key.keyId(),
                "arn:aws:iam::111122223333:role/R", null, null, null, List.of(GrantOperation.Decrypt),
                GrantConstraints.NONE, null, false)).grantId();

        assertThat(store.grantsOf(SCOPE, key.keyId())).extracting(Grant::grantId).containsExactly(grantId);
    }
}
