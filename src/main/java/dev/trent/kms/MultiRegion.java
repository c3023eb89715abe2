package dev.trent.kms;

import java.util.List;

/**
 * A multi-Region key's place among its related keys, which share key id and key material in
 * several regions of one account.
 *
 * @param primaryRegion the region of the primary key
 * @param replicaRegions the regions of the replica keys, in the order they were created
 */
public record MultiRegion(MultiRegionKeyType type, String primaryRegion, List<String> replicaRegions) {

    public MultiRegion {
        replicaRegions = List.copyOf(replicaRegions);
    }

    /** A new primary key with no replicas yet. */
    public static MultiRegion primaryIn(String region) {
        return new MultiRegion(MultiRegionKeyType.PRIMARY, region, List.of());
    }
}
