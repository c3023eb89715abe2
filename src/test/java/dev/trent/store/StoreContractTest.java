package dev.trent.store;

import static dev.trent.store.StoreValues.SCOPE;
import static dev.trent.store.StoreValues.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.kms.Alias;
import dev.trent.kms.CustomKeyStore;
import dev.trent.kms.Grant;
import dev.trent.kms.ImportToken;
import dev.trent.kms.KeyLastUsage;
import dev.trent.kms.KeyRotation;
import dev.trent.kms.KmsKey;
import dev.trent.kms.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every store does, as the {@link Store} contract and {@link InMemoryStore} define it. */
abstract class StoreContractTest {
    static final Scope OTHER_ACCOUNT = new Scope("444455556666", SCOPE.region());
    static final Scope OTHER_REGION = new Scope(SCOPE.account(), "ap-southeast-2");

    protected Store store;

    /** A new, empty store. */
    abstract Store open();

    @BeforeEach
    void openStore() {
        store = open();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void aKeyIsPutReplacedReadAndDeleted() {
        KmsKey key = StoreValues.fullKey(SCOPE, StoreValues.keyId());

        store.putKey(key);
        assertThat(store.key(SCOPE, key.keyId()).orElseThrow()).usingRecursiveComparison().isEqualTo(key);
        assertThat(store.key(OTHER_ACCOUNT, key.keyId())).isEmpty();
        assertThat(store.key(OTHER_REGION, key.keyId())).isEmpty();

        KmsKey changed = key.withDescription("changed");
        store.putKey(changed);
        assertThat(store.key(SCOPE, key.keyId()).orElseThrow().description()).isEqualTo("changed");

        store.deleteKey(SCOPE, key.keyId());
        assertThat(store.key(SCOPE, key.keyId())).isEmpty();
    }

    @Test
    void keysArePagedInKeyIdOrderWithinTheirScope() {
        List<String> ids = Stream.generate(StoreValues::keyId).limit(5).sorted().toList();
        ids.forEach(id -> store.putKey(StoreValues.simpleKey(SCOPE, id)));
        store.putKey(StoreValues.simpleKey(OTHER_ACCOUNT, StoreValues.keyId()));

        assertThat(store.keys(SCOPE, null, 2)).extracting(KmsKey::keyId).containsExactly(ids.get(0), ids.get(1));
        assertThat(store.keys(SCOPE, ids.get(1), 2)).extracting(KmsKey::keyId)
                .containsExactly(ids.get(2), ids.get(3));
        assertThat(store.keys(SCOPE, ids.get(3), 2)).extracting(KmsKey::keyId).containsExactly(ids.get(4));
        assertThat(store.keys(SCOPE, ids.get(4), 2)).isEmpty();
        assertThat(store.keys(SCOPE, null, 100)).hasSize(5);
    }

    @Test
    void scopesAreThoseHoldingAKeyAnAliasOrACustomKeyStore() {
        store.putKey(StoreValues.simpleKey(OTHER_REGION, StoreValues.keyId()));
        store.putAlias(StoreValues.alias(OTHER_ACCOUNT, "alias/only-an-alias", StoreValues.keyId()));
        Scope third = new Scope("777788889999", "us-east-1");
        store.putCustomKeyStore(StoreValues.fullKeyStore(third, "cks-00000000000000001", "pw-1234567", "s"));

        assertThat(store.scopes()).containsExactly(OTHER_REGION, OTHER_ACCOUNT, third);
    }

    @Test
    void keysDueByIncludeTheDueDateItselfAndNothingLater() {
        KmsKey pending = StoreValues.simpleKey(SCOPE, StoreValues.keyId()).withPendingDeletion(T0, 7);
        KmsKey rotating = StoreValues.simpleKey(OTHER_ACCOUNT, StoreValues.keyId()).toBuilder()
                .rotation(new KeyRotation(true, 365, T0.plusNanos(1), null)).build();
        KmsKey nothingDue = StoreValues.simpleKey(SCOPE, StoreValues.keyId());
        Stream.of(pending, rotating, nothingDue).forEach(store::putKey);

        assertThat(store.keysDueBy(T0.minusNanos(1))).isEmpty();
        assertThat(store.keysDueBy(T0)).extracting(KmsKey::keyId).containsExactly(pending.keyId());
        assertThat(store.keysDueBy(Instant.MAX)).extracting(KmsKey::keyId)
                .containsExactlyInAnyOrder(pending.keyId(), rotating.keyId());

        store.putKey(pending.withState(dev.trent.kms.KeyState.ENABLED));
        assertThat(store.keysDueBy(Instant.MAX)).extracting(KmsKey::keyId).containsExactly(rotating.keyId());
    }

    @Test
    void aliasesArePutRetargetedPagedListedByKeyAndDeleted() {
        String keyA = StoreValues.keyId();
        String keyB = StoreValues.keyId();
        store.putAlias(StoreValues.alias(SCOPE, "alias/c", keyA));
        store.putAlias(StoreValues.alias(SCOPE, "alias/a", keyA));
        store.putAlias(StoreValues.alias(SCOPE, "alias/b", keyB));
        store.putAlias(StoreValues.alias(OTHER_REGION, "alias/a", keyA));

        assertThat(store.alias(SCOPE, "alias/a").orElseThrow()).isEqualTo(StoreValues.alias(SCOPE, "alias/a", keyA));
        assertThat(store.aliases(SCOPE, null, 2)).extracting(Alias::name).containsExactly("alias/a", "alias/b");
        assertThat(store.aliases(SCOPE, "alias/b", 2)).extracting(Alias::name).containsExactly("alias/c");
        assertThat(store.aliasesOf(SCOPE, keyA)).extracting(Alias::name).containsExactly("alias/a", "alias/c");

        store.putAlias(store.alias(SCOPE, "alias/c").orElseThrow().retarget(keyB, T0.plusSeconds(5)));
        assertThat(store.aliasesOf(SCOPE, keyA)).extracting(Alias::name).containsExactly("alias/a");
        assertThat(store.aliasesOf(SCOPE, keyB)).extracting(Alias::name).containsExactly("alias/b", "alias/c");

        store.deleteAlias(SCOPE, "alias/a");
        assertThat(store.alias(SCOPE, "alias/a")).isEmpty();
        assertThat(store.aliasesOf(SCOPE, keyA)).isEmpty();
        assertThat(store.aliasesOf(OTHER_REGION, keyA)).extracting(Alias::name).containsExactly("alias/a");
        assertThat(store.alias(OTHER_REGION, "alias/a")).isPresent();
    }

    @Test
    void grantsBelongToAnExistingKeyAndGoWithIt() {
        KmsKey key = StoreValues.simpleKey(SCOPE, StoreValues.keyId());
        Grant beforeTheKey = StoreValues.fullGrant(SCOPE, key.keyId());
        store.putGrant(beforeTheKey);
        assertThat(store.grant(SCOPE, key.keyId(), beforeTheKey.grantId())).isEmpty();

        store.putKey(key);
        List<Grant> grants = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            grants.add(StoreValues.fullGrant(SCOPE, key.keyId()));
        }
        grants.forEach(store::putGrant);
        grants.sort(Comparator.comparing(Grant::grantId));
        store.putAlias(StoreValues.alias(SCOPE, "alias/stays", key.keyId()));
        store.putLastUsage(SCOPE, key.keyId(), StoreValues.lastUsage(T0));

        assertThat(store.grant(SCOPE, key.keyId(), grants.get(1).grantId())).contains(grants.get(1));
        assertThat(store.grantsOf(SCOPE, key.keyId())).containsExactlyElementsOf(grants);
        assertThat(store.grantCount(SCOPE, key.keyId())).isEqualTo(3);

        store.deleteGrant(SCOPE, key.keyId(), grants.get(0).grantId());
        assertThat(store.grantCount(SCOPE, key.keyId())).isEqualTo(2);

        store.deleteKey(SCOPE, key.keyId());
        assertThat(store.grantsOf(SCOPE, key.keyId())).isEmpty();
        assertThat(store.grantCount(SCOPE, key.keyId())).isZero();
        assertThat(store.lastUsage(SCOPE, key.keyId())).isEmpty();
        assertThat(store.aliasesOf(SCOPE, key.keyId())).extracting(Alias::name).containsExactly("alias/stays");
    }

    @Test
    void grantsRetirableByAPrincipalOrServicePrincipalInARegion() {
        KmsKey key = StoreValues.simpleKey(SCOPE, StoreValues.keyId());
        KmsKey otherAccountKey = StoreValues.simpleKey(OTHER_ACCOUNT, StoreValues.keyId());
        KmsKey otherRegionKey = StoreValues.simpleKey(OTHER_REGION, StoreValues.keyId());
        Stream.of(key, otherAccountKey, otherRegionKey).forEach(store::putKey);
        String retiree = "arn:aws:iam::111122223333:role/retiree";
        Grant byPrincipal = StoreValues.grant(SCOPE, key.keyId(), retiree, null);
        Grant byPrincipalOtherAccount = StoreValues.grant(OTHER_ACCOUNT, otherAccountKey.keyId(), retiree, null);
        Grant byPrincipalOtherRegion = StoreValues.grant(OTHER_REGION, otherRegionKey.keyId(), retiree, null);
        Grant byService = StoreValues.grant(SCOPE, key.keyId(), null, "svc.amazonaws.com");
        Grant neither = StoreValues.grant(SCOPE, key.keyId(), null, null);
        Stream.of(byPrincipal, byPrincipalOtherAccount, byPrincipalOtherRegion, byService, neither)
                .forEach(store::putGrant);

        assertThat(store.grantsRetirableBy(SCOPE.region(), retiree, null)).containsExactlyElementsOf(
                Stream.of(byPrincipal, byPrincipalOtherAccount).sorted(Comparator.comparing(Grant::grantId)).toList());
        assertThat(store.grantsRetirableBy(SCOPE.region(), null, "svc.amazonaws.com")).containsExactly(byService);
        assertThat(store.grantsRetirableBy(OTHER_REGION.region(), retiree, null)).containsExactly(
                byPrincipalOtherRegion);
        assertThat(store.grantsRetirableBy(SCOPE.region(), "arn:aws:iam::111122223333:role/nobody", null))
                .isEmpty();
    }

    @Test
    void customKeyStoresArePutPagedAndDeleted() {
        CustomKeyStore first = StoreValues.fullKeyStore(SCOPE, "cks-00000000000000001", "password-1", "secret-1");
        CustomKeyStore second = StoreValues.fullKeyStore(SCOPE, "cks-00000000000000002", "password-2", "secret-2");
        store.putCustomKeyStore(second);
        store.putCustomKeyStore(first);

        assertThat(store.customKeyStore(SCOPE, first.id())).contains(first);
        assertThat(store.customKeyStore(OTHER_REGION, first.id())).isEmpty();
        assertThat(store.customKeyStores(SCOPE, null, 1)).containsExactly(first);
        assertThat(store.customKeyStores(SCOPE, first.id(), 5)).containsExactly(second);

        store.deleteCustomKeyStore(SCOPE, first.id());
        assertThat(store.customKeyStores(SCOPE, null, 5)).containsExactly(second);
    }

    @Test
    void importTokensAreKeptUntilTheyExpire() {
        byte[] privateKey = StoreValues.randomBytes(600);
        ImportToken token = StoreValues.importToken(SCOPE, StoreValues.keyId(), privateKey, T0);
        store.putImportToken(token);

        assertThat(store.importToken(token.id()).orElseThrow()).usingRecursiveComparison().isEqualTo(token);
        store.deleteImportTokensExpiredBefore(T0);
        assertThat(store.importToken(token.id())).isPresent();
        store.deleteImportTokensExpiredBefore(T0.plusNanos(1));
        assertThat(store.importToken(token.id())).isEmpty();
        assertThat(store.importToken(StoreValues.hex64())).isEmpty();
    }

    @Test
    void theLastUseOfAnExistingKeyIsKept() {
        KmsKey key = StoreValues.simpleKey(SCOPE, StoreValues.keyId());
        store.putKey(key);
        KeyLastUsage first = StoreValues.lastUsage(T0);
        KeyLastUsage second = StoreValues.lastUsage(T0.plusNanos(1));

        store.putLastUsage(SCOPE, key.keyId(), first);
        assertThat(store.lastUsage(SCOPE, key.keyId())).contains(first);
        store.putLastUsage(SCOPE, key.keyId(), second);
        assertThat(store.lastUsage(SCOPE, key.keyId())).contains(second);

        String missing = StoreValues.keyId();
        store.putLastUsage(SCOPE, missing, first);
        assertThat(store.lastUsage(SCOPE, missing)).isEmpty();
    }

    /** Puts a key with a grant, a last use and an alias, and a custom key store in the scope. */
    private KmsKey fill(Scope scope) {
        KmsKey key = StoreValues.fullKey(scope, StoreValues.keyId());
        store.putKey(key);
        store.putGrant(StoreValues.fullGrant(scope, key.keyId()));
        store.putLastUsage(scope, key.keyId(), StoreValues.lastUsage(T0));
        store.putAlias(StoreValues.alias(scope, "alias/filled", key.keyId()));
        store.putCustomKeyStore(StoreValues.fullKeyStore(scope, "cks-00000000000000001", "password-1", "secret-1"));
        return key;
    }

    private void assertEmpty(Scope scope, KmsKey key, String tokenId) {
        assertThat(store.key(scope, key.keyId())).isEmpty();
        assertThat(store.keys(scope, null, 10)).isEmpty();
        assertThat(store.grantsOf(scope, key.keyId())).isEmpty();
        assertThat(store.lastUsage(scope, key.keyId())).isEmpty();
        assertThat(store.aliases(scope, null, 10)).isEmpty();
        assertThat(store.customKeyStores(scope, null, 10)).isEmpty();
        assertThat(store.importToken(tokenId)).isEmpty();
        assertThat(store.keysDueBy(Instant.MAX)).noneMatch(due -> due.scope().equals(scope));
    }

    private String tokenOf(Scope scope, KmsKey key) {
        ImportToken token = StoreValues.importToken(scope, key.keyId(), StoreValues.randomBytes(600), T0);
        store.putImportToken(token);
        return token.id();
    }

    @Test
    void clearForgetsEverythingOfOneScopeAndNothingElse() {
        KmsKey cleared = fill(SCOPE);
        String clearedToken = tokenOf(SCOPE, cleared);
        KmsKey kept = fill(OTHER_REGION);
        String keptToken = tokenOf(OTHER_REGION, kept);

        store.clear(SCOPE);

        assertEmpty(SCOPE, cleared, clearedToken);
        assertThat(store.key(OTHER_REGION, kept.keyId())).isPresent();
        assertThat(store.grantsOf(OTHER_REGION, kept.keyId())).hasSize(1);
        assertThat(store.lastUsage(OTHER_REGION, kept.keyId())).isPresent();
        assertThat(store.aliases(OTHER_REGION, null, 10)).hasSize(1);
        assertThat(store.customKeyStores(OTHER_REGION, null, 10)).hasSize(1);
        assertThat(store.importToken(keptToken)).isPresent();
        assertThat(store.scopes()).containsExactly(OTHER_REGION);

        // the scope is as good as new: a key with the same id comes back without the old one's grants or use
        store.putKey(StoreValues.simpleKey(SCOPE, cleared.keyId()));
        assertThat(store.grantsOf(SCOPE, cleared.keyId())).isEmpty();
        assertThat(store.lastUsage(SCOPE, cleared.keyId())).isEmpty();
    }

    @Test
    void clearAllForgetsEverything() {
        KmsKey one = fill(SCOPE);
        String oneToken = tokenOf(SCOPE, one);
        KmsKey two = fill(OTHER_ACCOUNT);
        String twoToken = tokenOf(OTHER_ACCOUNT, two);

        store.clearAll();

        assertEmpty(SCOPE, one, oneToken);
        assertEmpty(OTHER_ACCOUNT, two, twoToken);
        assertThat(store.scopes()).isEmpty();
    }
}
