package dev.trent.kms;

import dev.trent.store.Store;
import java.util.Optional;

/**
 * Finds the key a request names: by key id, key ARN, alias name or alias ARN, as each operation
 * allows. The one place where a caller's identifier becomes a key, so every operation answers a
 * bad or unknown identifier the same way.
 */
final class KeyResolver {
    /** Which identifiers an operation takes for its key. */
    enum Accepts {
        KEY_ID_OR_ARN,
        KEY_OR_ALIAS
    }

    private final Store store;
    private final ScopeLocks locks;
    private final AwsManagedKeys awsManaged;
    private final CustomKeyStores customKeyStores;
    private final KeyAccess access;

    KeyResolver(Store store, ScopeLocks locks, AwsManagedKeys awsManaged, CustomKeyStores customKeyStores,
            KeyAccess access) {
        this.access = access;
        this.store = store;
        this.locks = locks;
        this.awsManaged = awsManaged;
        this.customKeyStores = customKeyStores;
    }

    /**
     * A key id: a lowercase UUID, or {@code mrk-} and 32 lowercase hex digits. Checked by hand, as
     * every request naming a key asks, and a regular expression's matcher was a fifteenth of what a
     * request allocated.
     */
    static boolean isKeyId(String text) {
        if (text.length() != 36) {
            return false;
        }
        boolean multiRegion = text.startsWith("mrk-");
        for (int i = multiRegion ? 4 : 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean dash = !multiRegion && (i == 8 || i == 13 || i == 18 || i == 23);
            if (dash ? c != '-' : !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param action the IAM action of the operation ({@code kms:Encrypt}), for AWS's access-denied message
     */
    KmsKey resolve(Requester requester, String text, Accepts accepts, String action) {
        return authorized(requester, find(requester.scope(), text, accepts), action);
    }

    /**
     * The key the text names, before anyone asks whether the caller may use it: for RetireGrant, which
     * its grant authorizes rather than the key's policy, and CreateGrant, which {@link KeyAccess} checks
     * with the grant it would create.
     */
    KmsKey find(Scope caller, String text, Accepts accepts) {
        if (text.startsWith("arn:")) {
            KmsArn arn = KmsArn.parse(text).orElseThrow(() -> KmsException.notFound("Invalid arn " + text));
            if (!arn.isKey() && accepts == Accepts.KEY_ID_OR_ARN) {
                throw invalidKeyId(text);
            }
            if (arn.isKey() && !isKeyId(arn.name())) {
                throw KmsException.notFound("Invalid keyId " + arn.name());
            }
            Scope owner = arn.scope();
            if (!owner.region().equals(caller.region()) || !arn.partition().equals(caller.partition())) {
                throw KmsException.notFound("Invalid arn " + owner.region());
            }
            return arn.isKey() ? key(owner, arn.name()) : aliased(owner, arn.name(), owner.equals(caller));
        }
        if (text.startsWith("alias/")) {
            if (accepts == Accepts.KEY_ID_OR_ARN) {
                throw invalidKeyId(text);
            }
            return aliased(caller, text, true);
        }
        if (!isKeyId(text)) {
            throw invalidKeyId(text);
        }
        return key(caller, text);
    }

    /**
     * The key a ciphertext names, for Decrypt and ReEncrypt without a KeyId: that key (in the caller's
     * Region, of the account the ciphertext names), or the related multi-Region key in the caller's
     * Region, which shares its material. AWS gives one answer whether the key was deleted, lives in
     * another Region, or belongs to another account the caller may not use.
     */
    KmsKey namedByCiphertext(Requester requester, KmsArn arn, String action) {
        Scope owner = new Scope(arn.scope().account(), requester.region());
        KmsKey key = store.key(owner, arn.name())
                .filter(k -> k.sharesMaterialWith(arn))
                .orElseThrow(KeyResolver::unknownCiphertextKey);
        if (!owner.account().equals(requester.account()) && access.mode() == AccessMode.OWN_ACCOUNT) {
            throw unknownCiphertextKey();
        }
        return authorized(requester, key, action);
    }

    private static KmsException unknownCiphertextKey() {
        return new KmsException(ErrorCode.ACCESS_DENIED, "The ciphertext refers to a customer master key that does "
                + "not exist, does not exist in this region, or you are not allowed to access.");
    }

    /**
     * The key, once the requester may use it for the action ({@link KeyAccess}), as AWS shows it: see
     * {@link CustomKeyStores#asSeen}. Changes re-read the stored key ({@link #key}), so a key's own
     * state survives while its key store is disconnected.
     */
    private KmsKey authorized(Requester requester, KmsKey key, String action) {
        access.check(requester, key, action);
        return customKeyStores.asSeen(key); // a key in a disconnected custom key store is Unavailable
    }

    /** The key with this id in the scope. */
    KmsKey key(Scope scope, String keyId) {
        return store.key(scope, keyId).orElseThrow(() -> keyNotFound(scope.keyArn(keyId)));
    }

    private KmsKey aliased(Scope scope, String aliasName, boolean mayCreate) {
        Optional<KmsKey> target = store.alias(scope, aliasName)
                .flatMap(alias -> Optional.ofNullable(alias.targetKeyId()))
                .flatMap(keyId -> store.key(scope, keyId));
        if (target.isPresent()) {
            return target.get();
        }
        if (mayCreate && AwsManagedKeys.isServiceAlias(aliasName)) {
            return awsManagedKey(scope, aliasName);
        }
        throw aliasNotFound(scope.aliasArn(aliasName));
    }

    private KmsKey awsManagedKey(Scope scope, String aliasName) {
        return locks.write(scope, () -> {
            Optional<KmsKey> existing = store.alias(scope, aliasName)
                    .flatMap(alias -> Optional.ofNullable(alias.targetKeyId()))
                    .flatMap(keyId -> store.key(scope, keyId));
            if (existing.isPresent()) {
                return existing.get();
            }
            KmsKey key = awsManaged.create(scope, aliasName);
            store.putKey(key);
            store.putAlias(new Alias(scope, aliasName, key.keyId(), key.creationDate(), key.creationDate()));
            return key;
        });
    }

    static KmsException keyNotFound(String keyArn) {
        return KmsException.notFound("Key '" + keyArn + "' does not exist");
    }

    static KmsException aliasNotFound(String aliasArn) {
        return KmsException.notFound("Alias " + aliasArn + " is not found.");
    }

    static KmsException invalidKeyId(String text) {
        return KmsException.notFound("Invalid keyId '" + text + "'");
    }
}
