package dev.trent.kms;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A multi-Region key's place among its related keys, which share key id and key material in
 * several regions of one account. Every related key carries the same primary and replica regions,
 * so that DescribeKey on any of them shows the whole set, as AWS's does.
 *
 * @param type whether this key is the primary or a replica
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

    /** The configuration, as the key in {@code region} sees it, of a set with this primary and these replicas. */
    static MultiRegion of(String region, String primaryRegion, List<String> replicaRegions) {
        return new MultiRegion(region.equals(primaryRegion) ? MultiRegionKeyType.PRIMARY : MultiRegionKeyType.REPLICA,
                primaryRegion, replicaRegions);
    }

    public boolean isPrimary() {
        return type == MultiRegionKeyType.PRIMARY;
    }

    public boolean hasReplicas() {
        return !replicaRegions.isEmpty();
    }

    /** The regions of every related key, the primary's first. */
    public Set<String> regions() {
        Set<String> regions = new LinkedHashSet<>();
        regions.add(primaryRegion);
        regions.addAll(replicaRegions);
        return regions;
    }

    /** The replicas after one more, in {@code region}. */
    List<String> replicasWith(String region) {
        List<String> replicas = new ArrayList<>(replicaRegions);
        replicas.add(region);
        return replicas;
    }

    /** The replicas after the one in {@code region} is gone. */
    List<String> replicasWithout(String region) {
        return replicaRegions.stream().filter(r -> !r.equals(region)).toList();
    }

    /** The replicas after the replica in {@code newPrimary} became the primary: the old primary takes its place. */
    List<String> replicasAfterPrimaryMovesTo(String newPrimary) {
        return replicaRegions.stream().map(r -> r.equals(newPrimary) ? primaryRegion : r).toList();
    }
}
