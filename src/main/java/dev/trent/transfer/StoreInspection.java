package dev.trent.transfer;

import dev.trent.kms.Alias;
import dev.trent.kms.KeyMaterial;
import dev.trent.kms.KeyRotation;
import dev.trent.kms.KeyState;
import dev.trent.kms.KmsKey;
import dev.trent.kms.Scope;
import dev.trent.store.Store;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a store holds, for people ({@link #table}) and scripts ({@link #json}): accounts, regions
 * and keys with their aliases, tags, rotation, material versions and dates; never key material.
 */
public final class StoreInspection {
    private static final List<String> HEADER = List.of("ACCOUNT", "REGION", "KEY ID", "SPEC", "USAGE", "STATE",
            "ALIASES", "TAGS", "ROTATION", "MATERIALS", "CREATED");

    private StoreInspection() {
    }

    /** The export document without material, each material with its state (CURRENT, NON_CURRENT, ...). */
    public static String json(Store store) {
        return StoreExport.inspect(store).json();
    }

    public static String table(Store store) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        Set<String> accounts = new LinkedHashSet<>();
        Set<Scope> regions = new LinkedHashSet<>();
        for (Scope scope : store.scopes()) {
            for (KmsKey key : StoreExport.keys(store, scope)) {
                accounts.add(scope.account());
                regions.add(scope);
                rows.add(row(store, key));
            }
        }
        StringBuilder out = new StringBuilder();
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + widths[i] + "s  ", row.get(i)));
            }
            out.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        out.append(rows.size() - 1).append(" key(s) in ").append(accounts.size()).append(" account(s), ")
                .append(regions.size()).append(" account region(s)").append(System.lineSeparator());
        return out.toString();
    }

    private static List<String> row(Store store, KmsKey key) {
        String state = key.state().awsName();
        if (key.state() == KeyState.PENDING_DELETION && key.deletionDate() != null) {
            state += " until " + date(key.deletionDate());
        }
        String aliases = store.aliasesOf(key.scope(), key.keyId()).stream().map(Alias::name).sorted()
                .collect(Collectors.joining(","));
        String tags = key.tags().stream().map(t -> t.key() + "=" + t.value()).collect(Collectors.joining(","));
        KeyRotation rotation = key.rotation();
        String rotates = rotation.enabled()
                ? "every " + rotation.periodInDays() + "d, next " + date(rotation.nextRotationDate()) : "off";
        List<KeyMaterial> materials = key.materials();
        String versions = materials.size() + (key.currentMaterialId() == null ? ""
                : " (current " + key.currentMaterialId().substring(0, 8) + ")");
        String spec = key.spec().name() + (key.isMultiRegion()
                ? " " + key.multiRegion().type().name().toLowerCase() + " mrk" : "");
        return List.of(key.scope().account(), key.scope().region(), key.keyId(), spec, key.usage().name(), state,
                dash(aliases), dash(tags), rotates, versions, date(key.creationDate()));
    }

    private static String dash(String text) {
        return text.isEmpty() ? "-" : text;
    }

    private static String date(Instant instant) {
        return instant == null ? "-" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
