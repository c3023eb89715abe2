package dev.trent.store;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.trent.kms.Alias;
import dev.trent.kms.CustomKeyStore;
import dev.trent.kms.Grant;
import dev.trent.kms.ImportToken;
import dev.trent.kms.KeyMaterial;
import dev.trent.kms.KmsKey;
import dev.trent.kms.XksProxy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Stored values to bytes and back: JSON of the domain's records, field by field, with every secret
 * in them sealed for its place (see {@link #materialContext} and the other contexts).
 */
final class ValueCodec {
    private static final ObjectMapper JSON = JsonMapper.builder()
            // The records' components, and nothing their other methods compute.
            .visibility(PropertyAccessor.GETTER, Visibility.NONE)
            .visibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
            .visibility(PropertyAccessor.SETTER, Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, Visibility.ANY)
            // A field a later Trent dropped is skipped; one it added and this one lacks comes back null.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new SimpleModule("instants")
                    .addSerializer(Instant.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(Instant value, JsonGenerator out, SerializerProvider provider)
                                throws IOException {
                            out.writeString(value.toString());
                        }
                    })
                    .addDeserializer(Instant.class, new JsonDeserializer<>() {
                        @Override
                        public Instant deserialize(JsonParser in, DeserializationContext context) throws IOException {
                            return Instant.parse(in.getValueAsString());
                        }
                    }))
            .build();

    private final Secrets secrets;

    ValueCodec(Secrets secrets) {
        this.secrets = secrets;
    }

    /** A codec that seals with {@code newSecrets}: for re-sealing under a new password. */
    ValueCodec with(Secrets newSecrets) {
        return new ValueCodec(newSecrets);
    }

    byte[] encode(KmsKey key) {
        return write(withMaterials(key, m -> bytes -> secrets.seal(bytes, materialContext(key, m))));
    }

    KmsKey decodeKey(byte[] body) {
        KmsKey stored = read(body, KmsKey.class);
        return withMaterials(stored, m -> bytes -> secrets.open(bytes, materialContext(stored, m)));
    }

    byte[] encode(ImportToken token) {
        return write(withPrivateKey(token, secrets.seal(token.privateKey(), tokenContext(token))));
    }

    ImportToken decodeImportToken(byte[] body) {
        ImportToken stored = read(body, ImportToken.class);
        return withPrivateKey(stored, secrets.open(stored.privateKey(), tokenContext(stored)));
    }

    byte[] encode(CustomKeyStore keyStore) {
        return write(withSecrets(keyStore, (text, context) -> Base64.getEncoder()
                .encodeToString(secrets.seal(text.getBytes(StandardCharsets.UTF_8), context))));
    }

    CustomKeyStore decodeCustomKeyStore(byte[] body) {
        return withSecrets(read(body, CustomKeyStore.class), (text, context) -> new String(
                secrets.open(Base64.getDecoder().decode(text), context), StandardCharsets.UTF_8));
    }

    byte[] encode(Alias alias) {
        return write(alias);
    }

    Alias decodeAlias(byte[] body) {
        return read(body, Alias.class);
    }

    byte[] encode(Grant grant) {
        return write(grant);
    }

    Grant decodeGrant(byte[] body) {
        return read(body, Grant.class);
    }

    /** Where a key material belongs: its key (a replica has an ARN of its own) and its id. */
    static String materialContext(KmsKey key, KeyMaterial material) {
        return "key material\0" + key.arn() + "\0" + material.id();
    }

    static String tokenContext(ImportToken token) {
        return "import token\0" + token.keyArn() + "\0" + token.id();
    }

    static String keyStoreContext(CustomKeyStore keyStore, String secret) {
        return "custom key store " + secret + "\0" + keyStore.scope().account() + "\0" + keyStore.scope().region()
                + "\0" + keyStore.id();
    }

    private interface MaterialTransform {
        UnaryOperator<byte[]> of(KeyMaterial material);
    }

    private static KmsKey withMaterials(KmsKey key, MaterialTransform transform) {
        List<KeyMaterial> materials = key.materials().stream()
                .map(m -> m.secret() == null ? m : new KeyMaterial(m.id(), transform.of(m).apply(m.secret()),
                        m.publicKey(), m.created(), m.rotation(), m.imported()))
                .toList();
        return key.toBuilder().materials(materials).build();
    }

    private static ImportToken withPrivateKey(ImportToken token, byte[] privateKey) {
        return new ImportToken(token.id(), token.scope(), token.keyId(), token.algorithm(), privateKey,
                token.validTo());
    }

    private interface TextTransform {
        String apply(String text, String context);
    }

    private static CustomKeyStore withSecrets(CustomKeyStore keyStore, TextTransform transform) {
        String password = keyStore.keyStorePassword() == null ? null
                : transform.apply(keyStore.keyStorePassword(), keyStoreContext(keyStore, "password"));
        XksProxy proxy = keyStore.xksProxy();
        if (proxy != null && proxy.rawSecretAccessKey() != null) {
            proxy = new XksProxy(proxy.connectivity(), proxy.uriEndpoint(), proxy.uriPath(),
                    proxy.vpcEndpointServiceName(), proxy.vpcEndpointServiceOwner(), proxy.accessKeyId(),
                    transform.apply(proxy.rawSecretAccessKey(), keyStoreContext(keyStore, "proxy secret")));
        }
        return new CustomKeyStore(keyStore.scope(), keyStore.id(), keyStore.name(), keyStore.type(),
                keyStore.creationDate(), keyStore.connectionState(), keyStore.connectionErrorCode(),
                keyStore.connectedAt(), keyStore.pendingErrorCode(), keyStore.cloudHsmClusterId(),
                keyStore.trustAnchorCertificate(), password, proxy);
    }

    private static byte[] write(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    private static <T> T read(byte[] body, Class<T> type) {
        try {
            return JSON.readValue(body, type);
        } catch (IOException e) {
            throw new StoreException("A stored " + type.getSimpleName() + " cannot be read: " + e.getMessage(), e);
        }
    }
}
