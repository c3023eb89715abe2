package dev.trent.kms;

/** AWS's CustomKeyStoreType: what backs a custom key store. */
public enum CustomKeyStoreType {
    AWS_CLOUDHSM,
    EXTERNAL_KEY_STORE;

    /** The key origin of the keys this kind of key store holds. */
    public Origin origin() {
        return this == AWS_CLOUDHSM ? Origin.AWS_CLOUDHSM : Origin.EXTERNAL_KEY_STORE;
    }
}
