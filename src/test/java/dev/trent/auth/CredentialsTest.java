package dev.trent.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {
    @TempDir
    Path dir;

    @Test
    void loadsRustyKmsAccessTokensAsTheyAre() throws URISyntaxException {
        Path file = Path.of(CredentialsTest.class.getResource("rusty-access-tokens.json").toURI());

        Credentials credentials = Credentials.load(file);

        assertThat(credentials.size()).isEqualTo(1);
        Credential credential = credentials.find("AAAAAAAAAAAAAAAAAAAAA").orElseThrow();
        assertThat(credential.secretKey()).isEqualTo("ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ");
        assertThat(credential.accountId()).isEqualTo("0000000");
        assertThat(credential.sessionToken()).isNull();
        assertThat(credential.policies()).isEmpty();
        assertThat(credential.principalIn("us-east-1")).isEqualTo("arn:aws:iam::0000000:root");
    }

    @Test
    void loadsTheExampleWithPrincipalsSessionTokensAndPolicies() throws IOException {
        Credentials credentials = Credentials.load(Path.of("examples/credentials.json"));

        assertThat(credentials.size()).isEqualTo(3);
        Credential root = credentials.find("AKIAIOSFODNN7EXAMPLE").orElseThrow();
        assertThat(root.principalIn("eu-west-1")).isEqualTo("arn:aws:iam::111122223333:root");
        assertThat(root.principalIn("cn-north-1")).isEqualTo("arn:aws-cn:iam::111122223333:root");
        Credential app = credentials.find("AKIAI44QH8DHBEXAMPLE").orElseThrow();
        assertThat(app.principalIn("eu-west-1")).isEqualTo("arn:aws:iam::111122223333:role/app");
        assertThat(app.policies()).hasSize(1);
        assertThat(new ObjectMapper().readTree(app.policies().get(0)).at("/Statement/0/Action/1").asText())
                .isEqualTo("kms:Decrypt");
        Credential session = credentials.find("ASIAIOSFODNN7EXAMPLE").orElseThrow();
        assertThat(session.sessionToken()).isEqualTo("FwoGZXIvYXdzEXAMPLESESSIONTOKEN");
        assertThat(session.accountId()).isEqualTo("444455556666");
    }

    @Test
    void listsTheCredentialsInTheOrderOfTheFile() throws IOException {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 20; i++) {
            json.append(i == 0 ? "" : ",").append("{\"access_key\":\"K").append(19 - i)
                    .append("\",\"secret_key\":\"S\",\"account_id\":\"1111222233").append(10 + i).append("\"}");
        }
        Path file = write(json.append("]").toString());

        List<Credential> all = Credentials.load(file).all();

        assertThat(all).extracting(Credential::accessKey).startsWith("K19", "K18", "K17").endsWith("K1", "K0");
        assertThat(all).extracting(Credential::accountId).isSorted().hasSize(20);
    }

    @Test
    void policiesMayBeGivenAsJsonStrings() throws IOException {
        Path file = write("[{\"access_key\":\"A\",\"secret_key\":\"S\",\"account_id\":\"111122223333\","
                + "\"policies\":[\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[]}\"]}]");

        List<String> policies = Credentials.load(file).find("A").orElseThrow().policies();

        assertThat(policies).containsExactly("{\"Version\":\"2012-10-17\",\"Statement\":[]}");
    }

    @Test
    void badFilesAreRefusedWithTheirFault() throws IOException {
        assertRefused("{}", "must hold a JSON list of credentials");
        assertRefused("[", "is not valid JSON");
        assertRefused("[{\"access_key\":\"A\",\"account_id\":\"111122223333\"}]", "entry 0: secret_key is missing");
        assertRefused("[{\"access_key\":\"A\",\"secret_key\":\"S\",\"account_id\":\"111122223333\",\"x\":1}]",
                "entry 0: unknown field 'x'");
        assertRefused("[{\"access_key\":\"A\",\"secret_key\":\"S\",\"account_id\":\"acct\"}]",
                "account_id must be an account number");
        assertRefused("[{\"access_key\":\"A\",\"secret_key\":\"S\",\"account_id\":\"111122223333\","
                + "\"principal\":\"root\"}]", "principal must be an IAM ARN");
        assertRefused("[{\"access_key\":\"A\",\"secret_key\":\"S\",\"account_id\":\"111122223333\","
                + "\"policies\":[\"{nope\"]}]", "policies[0] is not valid JSON");
        assertRefused("[{\"access_key\":\"A\",\"secret_key\":\"S\",\"account_id\":\"111122223333\"},"
                + "{\"access_key\":\"A\",\"secret_key\":\"T\",\"account_id\":\"444455556666\"}]",
                "access key A is listed twice");
        assertThatThrownBy(() -> Credentials.load(dir.resolve("missing.json")))
                .isInstanceOf(CredentialsException.class).hasMessageContaining("cannot read credentials file");
    }

    private void assertRefused(String json, String fault) throws IOException {
        Path file = write(json);
        assertThatThrownBy(() -> Credentials.load(file)).isInstanceOf(CredentialsException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining(fault);
    }

    private Path write(String json) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "credentials", ".json"), json);
    }
}
