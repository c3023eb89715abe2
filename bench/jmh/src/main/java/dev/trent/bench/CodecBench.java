package dev.trent.bench;

import dev.trent.http.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.kms.model.EncryptRequest;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;

/** The JSON 1.1 codec on the hot path of Encrypt: reading its request, writing its response (1 KB plaintext). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CodecBench {
    private final JsonCodec codec = new JsonCodec();
    private byte[] requestBody;
    private EncryptResponse response;

    @Setup
    public void setup() {
        byte[] plaintext = Fixtures.bytes(1024);
        requestBody = ("{\"KeyId\":\"" + Fixtures.KEY_ARN + "\",\"Plaintext\":\""
                + Base64.getEncoder().encodeToString(plaintext)
                + "\",\"EncryptionContext\":{\"purpose\":\"bench\",\"tenant\":\"t-1\"}}")
                .getBytes(StandardCharsets.UTF_8);
        response = EncryptResponse.builder()
                .ciphertextBlob(SdkBytes.fromByteArray(Fixtures.bytes(1024 + 150)))
                .keyId(Fixtures.KEY_ARN)
                .encryptionAlgorithm(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT)
                .build();
    }

    @Benchmark
    public EncryptRequest readEncryptRequest() {
        EncryptRequest.Builder builder = EncryptRequest.builder();
        codec.read(requestBody, (SdkPojo) builder);
        return builder.build();
    }

    @Benchmark
    public byte[] writeEncryptResponse() {
        return codec.write(response);
    }
}
