package dev.trent.kms;

import dev.trent.crypto.Digest;
import dev.trent.store.Store;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The versions of a key's material: the one place a material becomes a key's current material,
 * and the state AWS reports for each.
 */
public final class KeyMaterials {
    private final Store store;

    KeyMaterials(Store store) {
        this.store = store;
    }

    /**
     * Makes {@code material} the key's current material, adding it to the key's materials or
     * replacing the entry with its id, and stores the key. Every path by which a key gets a new
     * current material goes through here: automatic and on-demand rotation, and the first import.
     * The caller holds the key's scope lock.
     *
     * @param rotation how it became current; null for a key's first material
     */
    KmsKey makeCurrent(KmsKey key, KeyMaterial material, MaterialRotation rotation) {
        KeyMaterial installed = material.rotatedIn(rotation);
        KmsKey changed = key.toBuilder()
                .materials(replaced(key.materials(), installed))
                .currentMaterialId(installed.id())
                .build();
        store.putKey(changed);
        return changed;
    }

    /** The key's materials with {@code material} in place of the one with its id, or added last. */
    static List<KeyMaterial> replaced(List<KeyMaterial> materials, KeyMaterial material) {
        List<KeyMaterial> out = new ArrayList<>(materials);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).id().equals(material.id())) {
                out.set(i, material);
                return out;
            }
        }
        out.add(material);
        return out;
    }

    /**
     * The id of imported material. AWS derives it from the key id and the material (how, it does
     * not say); Trent takes SHA-256 of the key id's UTF-8 bytes followed by the material (the
     * public key of asymmetric keys, the key itself of the others), so the same material imported
     * again into the same key, or into a replica with the same key id, gets the same id.
     */
    static String importedId(String keyId, byte[] identity) {
        byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[id.length + identity.length];
        System.arraycopy(id, 0, input, 0, id.length);
        System.arraycopy(identity, 0, input, id.length, identity.length);
        return HexFormat.of().formatHex(Digest.SHA_256.hash(input));
    }

    public static KeyMaterialState state(KmsKey key, KeyMaterial material) {
        if (material.id().equals(key.currentMaterialId())) {
            return KeyMaterialState.CURRENT;
        }
        return isPendingRotation(key, material) ? KeyMaterialState.PENDING_ROTATION : KeyMaterialState.NON_CURRENT;
    }

    /** Imported material that waits for an on-demand rotation: never current yet. */
    static boolean isPendingRotation(KmsKey key, KeyMaterial material) {
        return material.imported() != null && material.rotation() == null
                && !material.id().equals(key.currentMaterialId())
                && !key.materials().isEmpty() && !key.materials().get(0).id().equals(material.id());
    }

    public static ImportState importState(KeyMaterial material) {
        return material.present() ? ImportState.IMPORTED : ImportState.PENDING_IMPORT;
    }

    static long onDemandRotations(KmsKey key) {
        return key.materials().stream()
                .filter(m -> m.rotation() != null && m.rotation().type() == RotationType.ON_DEMAND)
                .count();
    }
}
