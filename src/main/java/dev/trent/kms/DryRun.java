package dev.trent.kms;

/** The DryRun parameter: every check has passed, and nothing is done. */
final class DryRun {
    private DryRun() {
    }

    static void stopIf(boolean dryRun) {
        if (dryRun) {
            throw new KmsException(ErrorCode.DRY_RUN_OPERATION,
                    "The request would have succeeded, but the DryRun option is set.");
        }
    }
}
