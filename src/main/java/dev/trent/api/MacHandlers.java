package dev.trent.api;

import static dev.trent.api.Shapes.blob;
import static dev.trent.api.Shapes.bytes;
import static dev.trent.api.Shapes.domainEnum;
import static dev.trent.api.Shapes.isTrue;

import dev.trent.crypto.MacAlgorithm;
import dev.trent.kms.Kms;
import dev.trent.kms.KmsKey;
import dev.trent.kms.Macs;
import software.amazon.awssdk.services.kms.model.GenerateMacRequest;
import software.amazon.awssdk.services.kms.model.GenerateMacResponse;
import software.amazon.awssdk.services.kms.model.VerifyMacRequest;
import software.amazon.awssdk.services.kms.model.VerifyMacResponse;

/** GenerateMac, VerifyMac. */
final class MacHandlers implements HandlerGroup {
    private final Macs macs;

    MacHandlers(Kms kms) {
        this.macs = kms.macs();
    }

    /** This group's route for {@code op}; null for another group's operation. */
    @Override
    public Api.Route<?> route(Operation op) {
        return switch (op) {
            case GENERATE_MAC -> Api.route(GenerateMacRequest::builder, (caller, r) -> {
                MacAlgorithm algorithm = domainEnum(r.macAlgorithmAsString(), MacAlgorithm.class);
                Macs.Tagged tagged = macs.generate(caller, r.keyId(), bytes(r.message()), algorithm,
                        isTrue(r.dryRun()));
                return GenerateMacResponse.builder()
                        .mac(blob(tagged.mac()))
                        .macAlgorithm(algorithm.name())
                        .keyId(tagged.key().arn())
                        .build();
            });
            case VERIFY_MAC -> Api.route(VerifyMacRequest::builder, (caller, r) -> {
                MacAlgorithm algorithm = domainEnum(r.macAlgorithmAsString(), MacAlgorithm.class);
                KmsKey key = macs.verify(caller, r.keyId(), bytes(r.message()), algorithm, bytes(r.mac()),
                        isTrue(r.dryRun()));
                return VerifyMacResponse.builder()
                        .keyId(key.arn())
                        .macValid(true)
                        .macAlgorithm(algorithm.name())
                        .build();
            });
            default -> null;
        };
    }
}
