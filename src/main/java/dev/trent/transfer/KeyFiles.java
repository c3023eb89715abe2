package dev.trent.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.trent.kms.Alias;
import dev.trent.kms.KeyLoads;
import dev.trent.kms.Kms;
import dev.trent.kms.KmsException;
import dev.trent.kms.Scope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Loads a key file ({@code --import}): Trent's own JSON, Rusty KMS's {@code keys.json} or
 * local-kms's seed YAML, told apart by their content. Every entry is read and checked before
 * anything is applied; then the whole file is applied as one change, or nothing of it is.
 */
public final class KeyFiles {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final ObjectMapper YAML = YAMLMapper.builder().build();

    /** The formats a key file can be in. */
    enum Format {
        TRENT, RUSTY_KMS, LOCAL_KMS
    }

    private KeyFiles() {
    }

    /**
     * Loads the file into the domain: keys that exist are left as they are.
     *
     * @throws KeyFileException naming the file, the entry and the reason; nothing of the file was applied
     */
    public static KeyLoads.Result load(Path file, Kms kms, KeyFileDefaults defaults) {
        return load(file, kms, defaults, scope -> true);
    }

    /**
     * Loads what the file holds in the scopes accepted (the test-control API's reset of one
     * account and region loads its keys again); keys that exist are left as they are.
     */
    public static KeyLoads.Result load(Path file, Kms kms, KeyFileDefaults defaults, Predicate<Scope> scopes) {
        KeyFileContent content = read(file, defaults);
        List<KeyEntry> entries = content.keys().stream().filter(e -> scopes.test(e.key().scope())).toList();
        List<Alias> aliases = new ArrayList<>();
        for (KeyEntry entry : entries) {
            for (String name : entry.aliases()) {
                aliases.add(new Alias(entry.key().scope(), name, entry.key().keyId(), defaults.now(), defaults.now()));
            }
        }
        try {
            return kms.loads().load(new KeyLoads.Load(entries.stream().map(KeyEntry::key).toList(), aliases,
                    entries.stream().flatMap(e -> e.grants().stream()).toList(),
                    content.keyStores().stream().map(KeyFileContent.KeyStoreEntry::keyStore)
                            .filter(store -> scopes.test(store.scope())).toList()));
        } catch (KmsException e) {
            throw new KeyFileException(file + ": " + e.getMessage() + "; nothing of the file was applied");
        }
    }

    /** Reads and checks every entry of the file. */
    static KeyFileContent read(Path file, KeyFileDefaults defaults) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KeyFileException("Cannot read the key file " + file + ": " + e.getMessage(), e);
        }
        try {
            KeyFileContent entries = entries(parse(file, content), defaults);
            check(entries);
            return entries;
        } catch (EntryException e) {
            throw new KeyFileException(file + ": " + describe(e) + ": " + e.getMessage()
                    + "; nothing of the file was applied", e);
        }
    }

    private static JsonNode parse(Path file, String content) {
        String start = content.stripLeading();
        boolean json = start.startsWith("{") || start.startsWith("[");
        try {
            JsonNode root = (json ? JSON : YAML).readTree(content);
            if (root == null || root.isMissingNode()) {
                throw new KeyFileException(file + " is empty, not a key file");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new KeyFileException(file + " is not valid " + (json ? "JSON" : "YAML") + ": "
                    + e.getOriginalMessage() + (e.getLocation() == null ? ""
                            : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"), e);
        }
    }

    static Format format(JsonNode root) {
        if (root.isObject() && root.has("trent")) {
            return Format.TRENT;
        }
        if (LocalKmsReader.looksLikeOne(root)) {
            return Format.LOCAL_KMS;
        }
        if (RustyKmsReader.looksLikeOne(root)) {
            return Format.RUSTY_KMS;
        }
        return null;
    }

    private static KeyFileContent entries(JsonNode root, KeyFileDefaults defaults) {
        Format format = format(root);
        if (format == null) {
            throw new EntryException(null, null, "not a key file Trent knows: Trent's format starts {\"trent\": 1, "
                    + "Rusty KMS's keys.json is a list of keys with arn and key_material, local-kms's seed YAML has Keys:");
        }
        try {
            return switch (format) {
                case TRENT -> TrentFormatReader.read(root, defaults);
                case RUSTY_KMS -> KeyFileContent.of(RustyKmsReader.read(root, defaults));
                case LOCAL_KMS -> KeyFileContent.of(LocalKmsReader.read(root, defaults));
            };
        } catch (IllegalArgumentException e) { // about the file as a whole, not one entry
            throw new EntryException(null, null, e.getMessage());
        }
    }

    /** AWS's rules for each key and key store, and no key, alias or key store twice in the file. */
    private static void check(KeyFileContent content) {
        Map<String, String> stores = new HashMap<>();
        for (KeyFileContent.KeyStoreEntry entry : content.keyStores()) {
            try {
                KeyLoads.check(entry.keyStore());
                String before = stores.putIfAbsent(entry.keyStore().scope() + "/" + entry.keyStore().id(), entry.where());
                if (before != null) {
                    throw new IllegalArgumentException("the custom key store is in the file twice (also at " + before + ")");
                }
            } catch (IllegalArgumentException e) {
                throw new EntryException(entry.where(), null, e.getMessage());
            }
        }
        List<KeyEntry> entries = content.keys();
        Map<String, KeyEntry> keys = new HashMap<>();
        Map<String, KeyEntry> aliases = new HashMap<>();
        for (KeyEntry entry : entries) {
            try {
                KeyLoads.check(entry.key());
                KeyEntry before = keys.putIfAbsent(entry.key().arn(), entry);
                if (before != null) {
                    throw new IllegalArgumentException("the key is in the file twice (also at " + before.where() + ")");
                }
                for (String alias : entry.aliases()) {
                    KeyLoads.checkAlias(alias, entry.key().manager());
                    Scope scope = entry.key().scope();
                    KeyEntry other = aliases.putIfAbsent(scope.aliasArn(alias), entry);
                    if (other != null) {
                        throw new IllegalArgumentException(alias + " is also an alias of key " + other.key().keyId()
                                + " (at " + other.where() + ")");
                    }
                }
            } catch (IllegalArgumentException e) {
                throw new EntryException(entry.where(), entry.key().keyId(), e.getMessage());
            }
        }
    }

    private static String describe(EntryException e) {
        if (e.where() == null) {
            return "the file";
        }
        return "entry " + e.where() + (e.keyId() == null ? "" : " (key " + e.keyId() + ")");
    }
}
