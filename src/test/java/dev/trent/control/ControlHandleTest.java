package dev.trent.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.trent.Config;
import dev.trent.Trent;
import dev.trent.support.KmsClients;
import dev.trent.support.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/** The test controls as Java methods of the Trent handle, for tests that run Trent in process. */
class ControlHandleTest {
    private static final String ACCOUNT = "111122223333";
    private static final String OTHER_ACCOUNT = "444455556666";
    private static final String REGION = "us-east-1";
    private static final String FIXED_KEY = "3f6c4c7f-a50c-4d00-86cc-4b7ce6886fef";
    private static final String OTHER_FIXED_KEY = "67c5818b-60dc-4a46-b214-4e9772ce3b1c";

    @TempDir
    Path dir;

    private static List<String> keyIds(KmsClient kms) {
        return kms.listKeysPaginator().keys().stream().map(KeyListEntry::keyId).sorted().toList();
    }

    private static List<String> aliasNames(KmsClient kms) {
        return kms.listAliasesPaginator().aliases().stream().map(AliasListEntry::aliasName)
                .filter(name -> !name.startsWith("alias/aws/")).toList();
    }

    /** A key file with one fixed key (and alias) in each of two accounts. */
    private Path keyFile() throws Exception {
        return Files.writeString(dir.resolve("keys.json"), """
                {"trent": 1, "keys": [
                  {"id": "%s", "account": "%s", "region": "%s", "aliases": ["alias/fixed"],
                   "materials": [{"hex": "247f3440a543546a76471111ab9e2b0a955773032fc86ba900718b005baf7cb7"}]},
                  {"id": "%s", "account": "%s", "region": "%s", "aliases": ["alias/fixed"],
                   "materials": [{"hex": "08e3d8e899c34c2b041d94ca3cb6bb56838db1700c86e50f162823e77bd58e60"}]}
                ]}
                """.formatted(FIXED_KEY, ACCOUNT, REGION, OTHER_FIXED_KEY, OTHER_ACCOUNT, REGION));
    }

    @Test
    void resetReturnsToTheKeysOfTheStartUpKeyFiles() throws Exception {
        try (Trent trent = new Trent(Config.defaults().withPort(0).withImports(List.of(keyFile()))).start();
                KmsClient kms = KmsClients.client(trent.endpoint(), ACCOUNT, REGION);
                KmsClient other = KmsClients.client(trent.endpoint(), OTHER_ACCOUNT, REGION)) {
            byte[] ciphertext = kms.encrypt(b -> b.keyId("alias/fixed").plaintext(SdkBytes.fromUtf8String("kept")))
                    .ciphertextBlob().asByteArray();
            String added = TestKeys.newKeyId(kms);
            String addedElsewhere = TestKeys.newKeyId(other);
            kms.scheduleKeyDeletion(b -> b.keyId(FIXED_KEY).pendingWindowInDays(7));
            other.deleteAlias(b -> b.aliasName("alias/fixed"));
            trent.clock().advance(Duration.ofDays(8));

            trent.reset();

            assertThat(keyIds(kms)).containsExactly(FIXED_KEY);
            assertThat(aliasNames(kms)).containsExactly("alias/fixed");
            assertThat(keyIds(other)).containsExactly(OTHER_FIXED_KEY);
            assertThat(aliasNames(other)).containsExactly("alias/fixed");
            assertThat(catchThrowable(() -> kms.describeKey(b -> b.keyId(added)))).isInstanceOf(NotFoundException.class);
            assertThat(catchThrowable(() -> other.describeKey(b -> b.keyId(addedElsewhere))))
                    .isInstanceOf(NotFoundException.class);
            // the fixed key is back with its material: what it encrypted before decrypts
            assertThat(kms.decrypt(b -> b.ciphertextBlob(SdkBytes.fromByteArray(ciphertext))).plaintext()
                    .asUtf8String()).isEqualTo("kept");
            assertThat(trent.clock().offset()).isZero();
        }
    }

    @Test
    void resetOfOneAccountAndRegionReloadsOnlyItsKeys() throws Exception {
        try (Trent trent = new Trent(Config.defaults().withPort(0).withImports(List.of(keyFile()))).start();
                KmsClient kms = KmsClients.client(trent.endpoint(), ACCOUNT, REGION);
                KmsClient other = KmsClients.client(trent.endpoint(), OTHER_ACCOUNT, REGION)) {
            String added = TestKeys.newKeyId(kms);
            kms.deleteAlias(b -> b.aliasName("alias/fixed"));
            other.deleteAlias(b -> b.aliasName("alias/fixed"));
            String addedElsewhere = TestKeys.newKeyId(other);
            trent.clock().advance(Duration.ofHours(1));

            trent.reset(ACCOUNT, REGION);

            assertThat(keyIds(kms)).containsExactly(FIXED_KEY).doesNotContain(added);
            assertThat(aliasNames(kms)).containsExactly("alias/fixed");
            // the other account is left as it was: its alias stays deleted, its new key stays
            assertThat(aliasNames(other)).isEmpty();
            assertThat(keyIds(other)).containsExactlyInAnyOrderElementsOf(
                    List.of(OTHER_FIXED_KEY, addedElsewhere).stream().sorted().toList());
            assertThat(trent.clock().offset()).isEqualTo(Duration.ofHours(1));
        }
    }

    @Test
    void theRequestLogKeepsTheLatestRequestsUpToItsSize() {
        try (Trent trent = new Trent(Config.defaults().withPort(0)
                .withControl(ControlSettings.DEFAULTS.withRequestLogSize(3))).start();
                KmsClient kms = KmsClients.client(trent.endpoint(), ACCOUNT, REGION)) {
            for (int bytes = 1; bytes <= 5; bytes++) {
                int n = bytes;
                kms.generateRandom(b -> b.numberOfBytes(n));
            }
            String last = kms.listKeys().responseMetadata().requestId();

            List<LoggedRequest> logged = trent.requests();
            assertThat(logged).hasSize(3);
            assertThat(logged).extracting(LoggedRequest::operation)
                    .containsExactly("ListKeys", "GenerateRandom", "GenerateRandom");
            assertThat(logged.get(0).requestId()).isEqualTo(last);
            assertThat(trent.requests(RequestFilter.ALL.withOperation("GenerateRandom").withLimit(1))).hasSize(1);
        }
    }

    @Test
    void aRequestLogOfSizeZeroKeepsNothing() {
        try (Trent trent = new Trent(Config.defaults().withPort(0)
                .withControl(ControlSettings.DEFAULTS.withRequestLogSize(0))).start();
                KmsClient kms = KmsClients.client(trent.endpoint(), ACCOUNT, REGION)) {
            kms.listKeys();
            assertThat(trent.requests()).isEmpty();
        }
    }

    @Test
    void theClockMovedThroughTheHandleCarriesOutWhatIsDueAtOnce() {
        try (Trent trent = new Trent(Config.defaults().withPort(0)).start();
                KmsClient kms = KmsClients.client(trent.endpoint(), ACCOUNT, REGION)) {
            String keyId = TestKeys.newKeyId(kms);
            kms.scheduleKeyDeletion(b -> b.keyId(keyId).pendingWindowInDays(7));

            trent.controls().advanceClock(Duration.ofDays(7).plusSeconds(1));

            assertThat(trent.store().key(new dev.trent.kms.Scope(ACCOUNT, REGION), keyId)).isEmpty();
        }
    }
}
