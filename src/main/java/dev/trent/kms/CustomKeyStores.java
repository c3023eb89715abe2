package dev.trent.kms;

import dev.trent.crypto.Randomness;
import dev.trent.store.Store;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Custom key stores: CloudHSM key stores and external key stores, their connection to the
 * (simulated, see {@link SimulatedBackends}) cluster or proxy behind them, and the rules for the
 * keys they hold. A connection attempt ends on Trent's clock, {@link SimulatedBackends#CONNECT_TIME}
 * after ConnectCustomKeyStore; stored values keep the attempt and are read as they are at the
 * clock's time ({@link CustomKeyStore#at}).
 */
public final class CustomKeyStores {
    private static final int DEFAULT_PAGE = 1000;
    private static final int SCAN_PAGE = 1000;

    private final Store store;
    private final ScopeLocks locks;
    private final Clock clock;
    private final Randomness random;

    private final KeyAccess access;

    CustomKeyStores(Store store, ScopeLocks locks, Clock clock, Randomness random, KeyAccess access) {
        this.access = access;
        this.store = store;
        this.locks = locks;
        this.clock = clock;
        this.random = random;
    }

    public CustomKeyStore create(Requester requester, CreateCustomKeyStoreCommand c) {
        access.checkWithoutKey(requester, "kms:CreateCustomKeyStore");
        Scope scope = requester.scope();
        CustomKeyStoreType type = c.type() == null ? CustomKeyStoreType.AWS_CLOUDHSM : c.type();
        XksProxy proxy = null;
        if (type == CustomKeyStoreType.AWS_CLOUDHSM) {
            if (c.hasXksSettings()) {
                throw KmsException.validation("The XksProxy parameters are valid only for custom key stores with a "
                        + "CustomKeyStoreType of EXTERNAL_KEY_STORE.");
            }
            require(c.cloudHsmClusterId(), "CloudHsmClusterId", type);
            require(c.trustAnchorCertificate(), "TrustAnchorCertificate", type);
            require(c.keyStorePassword(), "KeyStorePassword", type);
        } else {
            if (c.hasCloudHsmSettings()) {
                throw KmsException.validation("CloudHsmClusterId, TrustAnchorCertificate and KeyStorePassword are "
                        + "valid only for custom key stores with a CustomKeyStoreType of AWS_CLOUDHSM.");
            }
            require(c.proxy().connectivity(), "XksProxyConnectivity", type);
            require(c.proxy().uriEndpoint(), "XksProxyUriEndpoint", type);
            require(c.proxy().uriPath(), "XksProxyUriPath", type);
            require(c.proxy().accessKeyId(), "XksProxyAuthenticationCredential", type);
            proxy = XksProxyRules.checked(scope, c.proxy());
        }
        XksProxy checkedProxy = proxy;
        return locks.write(scope, () -> {
            List<CustomKeyStore> all = all(scope);
            requireUniqueName(all, c.name(), null);
            if (type == CustomKeyStoreType.AWS_CLOUDHSM) {
                requireUnusedCluster(all, c.cloudHsmClusterId(), null);
            } else {
                XksProxyRules.requireUnique(all, checkedProxy, null);
                XksProxyRules.requireReachable(checkedProxy);
            }
            CustomKeyStore created = new CustomKeyStore(scope, "cks-" + random.hex(9).substring(0, 17), c.name(),
                    type, clock.instant(), ConnectionState.DISCONNECTED, null, null, null, c.cloudHsmClusterId(),
                    c.trustAnchorCertificate(), c.keyStorePassword(), checkedProxy);
            store.putCustomKeyStore(created);
            return created;
        });
    }

    /**
     * DescribeCustomKeyStores: the one key store named by id or by name, or a page of all of them
     * in id order.
     */
    public Page<CustomKeyStore> describe(Requester requester, String id, String name, Integer limit, String marker) {
        access.checkWithoutKey(requester, "kms:DescribeCustomKeyStores");
        Scope scope = requester.scope();
        if (id != null && name != null) {
            throw KmsException.validation("You can specify either CustomKeyStoreId or CustomKeyStoreName, "
                    + "but not both.");
        }
        if (id != null) {
            return new Page<>(List.of(find(scope, id)), null);
        }
        if (name != null) {
            return new Page<>(List.of(all(scope).stream().filter(s -> s.name().equals(name)).findFirst()
                    .orElseThrow(() -> notFound("name " + name))), null);
        }
        return Paging.page("customKeyStores", marker, limit, DEFAULT_PAGE,
                (after, count) -> store.customKeyStores(scope, after, count).stream()
                        .map(s -> s.at(clock.instant())).toList(),
                CustomKeyStore::id);
    }

    public void update(Requester requester, UpdateCustomKeyStoreCommand c) {
        access.checkWithoutKey(requester, "kms:UpdateCustomKeyStore");
        Scope scope = requester.scope();
        locks.write(scope, () -> {
            CustomKeyStore current = find(scope, c.id());
            boolean cloudHsm = current.type() == CustomKeyStoreType.AWS_CLOUDHSM;
            if (cloudHsm && c.hasXksSettings()) {
                throw KmsException.validation("The XksProxy parameters are valid only for custom key stores with a "
                        + "CustomKeyStoreType of EXTERNAL_KEY_STORE.");
            }
            if (!cloudHsm && c.hasCloudHsmSettings()) {
                throw KmsException.validation("CloudHsmClusterId and KeyStorePassword are valid only for custom key "
                        + "stores with a CustomKeyStoreType of AWS_CLOUDHSM.");
            }
            ConnectionState state = current.connectionState();
            if (state != ConnectionState.DISCONNECTED
                    && !(state == ConnectionState.CONNECTED && c.allowedWhileConnected())) {
                throw invalidState(current, c.allowedWhileConnected() ? "connected or disconnected" : "disconnected");
            }
            List<CustomKeyStore> all = all(scope);
            String name = c.newName() == null ? current.name() : c.newName();
            requireUniqueName(all, name, current.id());
            String clusterId = c.cloudHsmClusterId() == null ? current.cloudHsmClusterId() : c.cloudHsmClusterId();
            XksProxy proxy = current.xksProxy();
            if (cloudHsm) {
                requireUnusedCluster(all, clusterId, current.id());
            } else if (c.hasXksSettings() || c.proxy().rawSecretAccessKey() != null) {
                proxy = XksProxyRules.checked(scope, XksProxyRules.updated(current.xksProxy(), c.proxy()));
                XksProxyRules.requireUnique(all, proxy, current.id());
                XksProxyRules.requireReachable(proxy);
            }
            String password = c.keyStorePassword() == null ? current.keyStorePassword() : c.keyStorePassword();
            store.putCustomKeyStore(current.withSettings(name, clusterId, password, proxy));
        });
    }

    /** Starts connecting a disconnected key store; a store already connected or connecting is left so. */
    public void connect(Requester requester, String id) {
        access.checkWithoutKey(requester, "kms:ConnectCustomKeyStore");
        Scope scope = requester.scope();
        locks.write(scope, () -> {
            CustomKeyStore current = find(scope, id);
            switch (current.connectionState()) {
                case DISCONNECTING, FAILED -> throw invalidState(current, "disconnected or connected");
                case CONNECTED, CONNECTING -> { }
                case DISCONNECTED -> store.putCustomKeyStore(current.withConnection(ConnectionState.CONNECTING, null,
                        clock.instant().plus(SimulatedBackends.CONNECT_TIME),
                        SimulatedBackends.connectionError(current)));
            }
        });
    }

    public void disconnect(Requester requester, String id) {
        access.checkWithoutKey(requester, "kms:DisconnectCustomKeyStore");
        Scope scope = requester.scope();
        locks.write(scope, () -> {
            CustomKeyStore current = find(scope, id);
            if (current.connectionState() == ConnectionState.DISCONNECTED
                    || current.connectionState() == ConnectionState.DISCONNECTING) {
                throw invalidState(current, "connected, connecting or failed");
            }
            store.putCustomKeyStore(current.withConnection(ConnectionState.DISCONNECTED, null, null, null));
        });
    }

    /** Only a disconnected key store that holds no keys, counting keys that wait to be deleted. */
    public void delete(Requester requester, String id) {
        access.checkWithoutKey(requester, "kms:DeleteCustomKeyStore");
        Scope scope = requester.scope();
        locks.write(scope, () -> {
            CustomKeyStore current = find(scope, id);
            if (current.connectionState() != ConnectionState.DISCONNECTED) {
                throw invalidState(current, "disconnected");
            }
            if (!keysIn(scope, id, key -> true).isEmpty()) {
                throw new KmsException(ErrorCode.CUSTOM_KEY_STORE_HAS_KEYS, "Custom key store " + id
                        + " contains KMS keys. Delete them (ScheduleKeyDeletion) before deleting the custom key "
                        + "store.");
            }
            store.deleteCustomKeyStore(scope, id);
        });
    }

    /**
     * Checks that a new key may be created in the key store CreateKey names, and where it goes.
     * Called under the scope's lock, so that the key store's keys do not change meanwhile.
     */
    KeyStoreBinding bind(Scope scope, CreateKeyCommand command) {
        CustomKeyStore target = find(scope, command.customKeyStoreId());
        if (command.origin() != target.type().origin()) {
            throw new KmsException(ErrorCode.UNSUPPORTED_OPERATION, "Origin " + command.origin()
                    + " is not valid for a KMS key in custom key store " + target.id() + " of type " + target.type()
                    + ". Use Origin " + target.type().origin() + ".");
        }
        if (command.spec() != KeySpec.SYMMETRIC_DEFAULT || command.usage() != KeyUsage.ENCRYPT_DECRYPT) {
            throw new KmsException(ErrorCode.UNSUPPORTED_OPERATION, "KeySpec " + command.spec() + " and KeyUsage "
                    + command.usage() + " are not supported in a custom key store. Only symmetric encryption keys "
                    + "(SYMMETRIC_DEFAULT, ENCRYPT_DECRYPT) can be created in a custom key store.");
        }
        if (command.multiRegion()) {
            throw new KmsException(ErrorCode.UNSUPPORTED_OPERATION,
                    "You cannot create a multi-Region key in a custom key store.");
        }
        if (target.type() == CustomKeyStoreType.AWS_CLOUDHSM) {
            if (command.xksKeyId() != null) {
                throw KmsException.validation(
                        "XksKeyId is only valid with the CustomKeyStoreId of an external key store.");
            }
        } else if (command.xksKeyId() == null) {
            throw KmsException.validation("XksKeyId is required for a KMS key with Origin EXTERNAL_KEY_STORE.");
        }
        if (!target.isConnected()) {
            throw invalidState(target, "connected");
        }
        if (command.xksKeyId() != null && !SimulatedBackends.hasExternalKey(command.xksKeyId())) {
            throw new KmsException(ErrorCode.XKS_KEY_NOT_FOUND, "The external key store proxy could not find the "
                    + "external key " + command.xksKeyId() + ".");
        }
        if (command.xksKeyId() != null && !SimulatedBackends.externalKeyUsable(command.xksKeyId())) {
            throw new KmsException(ErrorCode.XKS_KEY_INVALID_CONFIGURATION, "The external key " + command.xksKeyId()
                    + " is not an enabled AES-256 symmetric key that performs encryption and decryption.");
        }
        if (command.xksKeyId() != null
                && !keysIn(scope, target.id(), key -> command.xksKeyId().equals(key.keyStore().xksKeyId())).isEmpty()) {
            throw new KmsException(ErrorCode.XKS_KEY_ALREADY_IN_USE, "The external key " + command.xksKeyId()
                    + " is already associated with another KMS key in custom key store " + target.id() + ".");
        }
        return new KeyStoreBinding(target.id(), target.cloudHsmClusterId(), command.xksKeyId());
    }

    /** GenerateRandom in a key store: only in a connected CloudHSM key store. */
    void requireRandomSource(Scope scope, String id) {
        CustomKeyStore source = find(scope, id);
        if (source.type() != CustomKeyStoreType.AWS_CLOUDHSM) {
            throw new KmsException(ErrorCode.UNSUPPORTED_OPERATION, "GenerateRandom does not support external key "
                    + "stores. " + id + " is an external key store.");
        }
        if (!source.isConnected()) {
            throw invalidState(source, "connected");
        }
    }

    /**
     * The key as AWS shows it: a key whose key store is not connected is Unavailable, unless it waits
     * to be deleted (so that its deletion can still be cancelled); its stored state returns when the
     * key store connects again. A CloudHSM key reports its key store's current cluster.
     */
    KmsKey asSeen(KmsKey key) {
        KeyStoreBinding binding = key.keyStore();
        if (binding == null) {
            return key;
        }
        Optional<CustomKeyStore> home = store.customKeyStore(key.scope(), binding.customKeyStoreId())
                .map(s -> s.at(clock.instant()));
        if (home.isEmpty()) {
            return key;
        }
        KmsKey.Builder seen = key.toBuilder();
        if (!Objects.equals(binding.cloudHsmClusterId(), home.get().cloudHsmClusterId())) {
            seen.keyStore(new KeyStoreBinding(binding.customKeyStoreId(), home.get().cloudHsmClusterId(),
                    binding.xksKeyId()));
        }
        if (!home.get().isConnected()
                && (key.state() == KeyState.ENABLED || key.state() == KeyState.DISABLED)) {
            seen.state(KeyState.UNAVAILABLE);
        }
        return seen.build();
    }

    private CustomKeyStore find(Scope scope, String id) {
        return store.customKeyStore(scope, id).map(s -> s.at(clock.instant()))
                .orElseThrow(() -> notFound("ID " + id));
    }

    private List<CustomKeyStore> all(Scope scope) {
        return store.customKeyStores(scope, null, Integer.MAX_VALUE).stream().map(s -> s.at(clock.instant())).toList();
    }

    private List<KmsKey> keysIn(Scope scope, String id, Predicate<KmsKey> filter) {
        List<KmsKey> found = new ArrayList<>();
        String after = null;
        for (List<KmsKey> page = store.keys(scope, null, SCAN_PAGE); !page.isEmpty();
                page = store.keys(scope, after, SCAN_PAGE)) {
            for (KmsKey key : page) {
                if (key.keyStore() != null && key.keyStore().customKeyStoreId().equals(id) && filter.test(key)) {
                    found.add(key);
                }
            }
            after = page.get(page.size() - 1).keyId();
        }
        return found;
    }

    private static void require(Object value, String parameter, CustomKeyStoreType type) {
        if (value == null) {
            throw KmsException.validation(parameter + " is required for custom key stores with a CustomKeyStoreType "
                    + "of " + type + ".");
        }
    }

    private static void requireUniqueName(List<CustomKeyStore> all, String name, String self) {
        if (all.stream().anyMatch(s -> s.name().equals(name) && !s.id().equals(self))) {
            throw new KmsException(ErrorCode.CUSTOM_KEY_STORE_NAME_IN_USE, "A custom key store with name " + name
                    + " already exists in this account and Region.");
        }
    }

    private static void requireUnusedCluster(List<CustomKeyStore> all, String clusterId, String self) {
        all.stream().filter(s -> clusterId.equals(s.cloudHsmClusterId()) && !s.id().equals(self)).findFirst()
                .ifPresent(s -> {
                    throw new KmsException(ErrorCode.CLOUD_HSM_CLUSTER_IN_USE, "CloudHSM cluster " + clusterId
                            + " is already associated with custom key store " + s.id() + ".");
                });
    }

    private static KmsException notFound(String what) {
        return new KmsException(ErrorCode.CUSTOM_KEY_STORE_NOT_FOUND, "Custom key store with " + what
                + " does not exist.");
    }

    private static KmsException invalidState(CustomKeyStore keyStore, String needed) {
        return new KmsException(ErrorCode.CUSTOM_KEY_STORE_INVALID_STATE, "Custom key store " + keyStore.id()
                + " is " + keyStore.connectionState() + "; this operation requires it to be " + needed + ".");
    }
}
