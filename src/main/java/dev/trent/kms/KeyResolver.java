package dev.trent.kms;

import dev.trent.store.Store;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the key a request names: by key id, key ARN, alias name or alias ARN, as each operation
 * allows. The one place where a caller's identifier becomes a key, so every operation answers a
 * bad or unknown identifier the same way.
 */
final class KeyResolver {
    private static final Pattern KEY_ID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32}");

    /** Which identifiers an operation takes for its key. */
    enum Accepts {
        KEY_ID_OR_ARN,
        KEY_OR_ALIAS
    }

    private final Store store;
    private final ScopeLocks locks;
    private final AwsManagedKeys awsManaged;
    private final CustomKeyStores customKeyStores;

    KeyResolver(Store store, ScopeLocks locks, AwsManagedKeys awsManaged, CustomKeyStores customKeyStores) {
        this.store = store;
        this.locks = locks;
        this.awsManaged = awsManaged;
        this.customKeyStores = customKeyStores;
    }

    static boolean isKeyId(String text) {
        return KEY_ID.matcher(text).matches();
    }

    /**
     * @param action the IAM action of the operation ({@code kms:Encrypt}), for AWS's access-denied message
     */
    KmsKey resolve(Scope caller, String text, Accepts accepts, String action) {
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
            KmsKey key = arn.isKey() ? key(owner, arn.name()) : aliased(owner, arn.name(), owner.equals(caller));
            return authorized(caller, key, action);
        }
        if (text.startsWith("alias/")) {
            if (accepts == Accepts.KEY_ID_OR_ARN) {
                throw invalidKeyId(text);
            }
            return authorized(caller, aliased(caller, text, true), action);
        }
        if (!isKeyId(text)) {
            throw invalidKeyId(text);
        }
        return authorized(caller, key(caller, text), action);
    }

    /**
     * The key a ciphertext names, for Decrypt and ReEncrypt without a KeyId: that key, or the related
     * multi-Region key in the caller's region, which shares its material. AWS gives one answer
     * whether the key was deleted, lives in another Region, or belongs to another account.
     */
    KmsKey namedByCiphertext(Scope caller, KmsArn arn, String action) {
        return store.key(caller, arn.name())
                .filter(key -> key.sharesMaterialWith(arn))
                .map(key -> authorized(caller, key, action))
                .orElseThrow(() -> new KmsException(ErrorCode.ACCESS_DENIED, "The ciphertext refers to a customer "
                        + "master key that does not exist, does not exist in this region, or you are not allowed to "
                        + "access."));
    }

    /**
     * Until key policies are evaluated (a later issue), the policies AWS gives by default decide:
     * a key belongs to its own account, and an AWS managed key may only be read directly. The key
     * comes back as AWS shows it: see {@link CustomKeyStores#asSeen}. Changes re-read the stored key
     * ({@link #key}), so a key's own state survives while its key store is disconnected.
     */
    private KmsKey authorized(Scope caller, KmsKey key, String action) {
        if (!key.scope().account().equals(caller.account())
                || key.manager() == KeyManager.AWS && !AwsManagedKeys.allowsDirectly(action)) {
            throw accessDenied(caller, action, key.arn());
        }
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

    static KmsException accessDenied(Scope caller, String action, String resourceArn) {
        return new KmsException(ErrorCode.ACCESS_DENIED, "User: " + caller.rootPrincipal()
                + " is not authorized to perform: " + action + " on resource: " + resourceArn
                + " because no resource-based policy allows the " + action + " action");
    }
}
