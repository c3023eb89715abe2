package dev.trent.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The constraint tables, which are parsed a structure at a time when a request first needs one. */
class ConstraintsTest {
    @Test
    void everyStructureOfTheTablesParses() {
        Constraints constraints = Constraints.load();
        assertThat(constraints.shapes()).contains("EncryptRequest", "CreateKeyRequest", "ListKeysRequest");
        for (String shape : constraints.shapes()) {
            // a pattern that does not compile or an enum the SDK lacks throws here
            assertThat(constraints.of(shape, "no such member")).as(shape).isNull();
        }
    }

    @Test
    void aMemberHasTheTablesConstraint() {
        Constraints.Constraint keyId = Constraints.load().of("EncryptRequest", "KeyId");
        assertThat(keyId.required()).isTrue();
        assertThat(keyId.min()).isEqualTo(1L);
        assertThat(keyId.max()).isEqualTo(2048L);
        assertThat(Constraints.load().of("CreateKeyRequest", "KeySpec").enumValues()).contains("SYMMETRIC_DEFAULT", "ML_DSA_44");
        assertThat(Constraints.load().of("NoSuchRequest", "KeyId")).isNull();
    }
}
