package dev.trent.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PasswordKeyTest {
    private static final byte[] SALT = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");

    /** The expected key was computed with OpenSSL's Argon2id (Python's cryptography package), independently. */
    @Test
    void derivesArgon2idOfTheUtf8Password() {
        assertThat(HexFormat.of().formatHex(new PasswordKey(SALT, 64, 2, 1).derive("p\u00e4ssword".toCharArray())))
                .isEqualTo("b9b0ede61e2fb01051fed4ce8e9b2a8bdf8ab3cd74eaf3909e4c02a28ef2aa46");
    }

    @Test
    void theSamePasswordAndParametersGiveTheSameKeyAndAnyDifferenceAnother() {
        PasswordKey parameters = new PasswordKey(SALT, 64, 2, 1);
        byte[] key = parameters.derive("password".toCharArray());

        assertThat(key).hasSize(32);
        assertThat(parameters.derive("password".toCharArray())).isEqualTo(key);
        assertThat(parameters.derive("Password".toCharArray())).isNotEqualTo(key);
        assertThat(new PasswordKey(new byte[16], 64, 2, 1).derive("password".toCharArray())).isNotEqualTo(key);
        assertThat(new PasswordKey(SALT, 128, 2, 1).derive("password".toCharArray())).isNotEqualTo(key);
        assertThat(new PasswordKey(SALT, 64, 3, 1).derive("password".toCharArray())).isNotEqualTo(key);
    }

    @Test
    void aFreshSaltEachTime() {
        assertThat(PasswordKey.fresh(new Randomness()).salt()).isNotEqualTo(PasswordKey.fresh(new Randomness()).salt());
    }

    @Test
    void refusesUnusableParameters() {
        assertThatThrownBy(() -> new PasswordKey(new byte[8], 64, 2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordKey(SALT, 64, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordKey(SALT, 64 * 1024 * 1024, 3, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
