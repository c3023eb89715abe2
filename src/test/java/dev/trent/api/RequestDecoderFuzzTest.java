package dev.trent.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.trent.http.JsonCodec;
import dev.trent.kms.ErrorCode;
import dev.trent.kms.KmsException;
import java.util.Arrays;
import java.util.Set;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Coverage-guided fuzzing of what every request goes through before a handler sees it: the JSON
 * 1.1 decoder filling the SDK request builder of one of the 56 operations, the build, and AWS's
 * constraint check. Whatever the bytes, the only way out is a request or a SerializationException
 * or ValidationException; anything else would reach the client as a 500.
 *
 * <p>Input: the first byte picks the operation, the rest is the request body. {@code mvn test}
 * replays the committed inputs under {@code src/test/resources/dev/trent/api/RequestDecoderFuzzTestInputs};
 * {@code scripts/fuzz} searches for new ones.
 */
class RequestDecoderFuzzTest {
    private static final Operation[] OPERATIONS = Operation.values();
    private static final JsonCodec CODEC = new JsonCodec();
    private static final RequestValidator VALIDATOR = new RequestValidator(Constraints.load());
    private static final Set<ErrorCode> CLIENT_ERRORS = Set.of(ErrorCode.SERIALIZATION, ErrorCode.VALIDATION);

    @FuzzTest(maxDuration = "5m")
    void decodeAndValidate(byte[] input) {
        if (input.length == 0) {
            return;
        }
        Operation op = OPERATIONS[Byte.toUnsignedInt(input[0]) % OPERATIONS.length];
        byte[] body = Arrays.copyOfRange(input, 1, input.length);
        SdkBuilder<?, ?> builder = newRequest(op);
        try {
            CODEC.read(body, (SdkPojo) builder);
            SdkPojo request = (SdkPojo) builder.build();
            VALIDATOR.validate(request);
            // What was accepted can be written out again.
            assertThat(CODEC.write(request)).isNotNull();
        } catch (KmsException e) {
            assertThat(CLIENT_ERRORS).as(e.code() + ": " + e.getMessage()).contains(e.code());
            assertThat(e.getMessage()).isNotEmpty();
        }
    }

    private static SdkBuilder<?, ?> newRequest(Operation op) {
        try {
            return (SdkBuilder<?, ?>) Class.forName("software.amazon.awssdk.services.kms.model." + op.awsName() + "Request")
                    .getMethod("builder").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
