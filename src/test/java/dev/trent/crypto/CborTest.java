package dev.trent.crypto;

import static dev.trent.crypto.Vectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The CBOR reader of attestation documents against RFC 8949 Appendix A ("Examples of Encoded CBOR
 * Data Items"), and the inputs it refuses rather than guesses at.
 */
class CborTest {
    @Test
    void readsTheRfcExamplesOfTheKindsAttestationDocumentsUse() throws Exception {
        assertThat(Cbor.decode(hex("00"))).isEqualTo(0L);
        assertThat(Cbor.decode(hex("17"))).isEqualTo(23L);
        assertThat(Cbor.decode(hex("1818"))).isEqualTo(24L);
        assertThat(Cbor.decode(hex("1903e8"))).isEqualTo(1000L);
        assertThat(Cbor.decode(hex("1a000f4240"))).isEqualTo(1000000L);
        assertThat(Cbor.decode(hex("1b000000e8d4a51000"))).isEqualTo(1000000000000L);
        assertThat(Cbor.decode(hex("20"))).isEqualTo(-1L);
        assertThat(Cbor.decode(hex("3863"))).isEqualTo(-100L);
        assertThat(Cbor.decode(hex("3903e7"))).isEqualTo(-1000L);
        assertThat((byte[]) Cbor.decode(hex("40"))).isEmpty();
        assertThat((byte[]) Cbor.decode(hex("4401020304"))).containsExactly(1, 2, 3, 4);
        assertThat(Cbor.decode(hex("60"))).isEqualTo("");
        assertThat(Cbor.decode(hex("6449455446"))).isEqualTo("IETF");
        assertThat(Cbor.decode(hex("62c3bc"))).isEqualTo("\u00fc");
        assertThat(Cbor.decode(hex("80"))).isEqualTo(List.of());
        assertThat(Cbor.decode(hex("83010203"))).isEqualTo(List.of(1L, 2L, 3L));
        assertThat(Cbor.decode(hex("8301820203820405"))).isEqualTo(List.of(1L, List.of(2L, 3L), List.of(4L, 5L)));
        assertThat(Cbor.decode(hex("a0"))).isEqualTo(Map.of());
        assertThat(Cbor.decode(hex("a201020304"))).isEqualTo(Map.of(1L, 2L, 3L, 4L));
        assertThat(Cbor.decode(hex("a26161016162820203"))).isEqualTo(Map.of("a", 1L, "b", List.of(2L, 3L)));
        assertThat(Cbor.decode(hex("f4"))).isEqualTo(false);
        assertThat(Cbor.decode(hex("f5"))).isEqualTo(true);
        assertThat(Cbor.decode(hex("f6"))).isNull();
        assertThat(Cbor.decode(hex("c074323031332d30332d32315432303a30343a30305a")))
                .isEqualTo(new Cbor.Tagged(0, "2013-03-21T20:04:00Z"));
    }

    /** Indefinite lengths, which AWS's Nitro Secure Module now uses for the payload map. */
    @Test
    void readsTheRfcExamplesOfIndefiniteLengths() throws Exception {
        assertThat((byte[]) Cbor.decode(hex("5f42010243030405ff"))).containsExactly(1, 2, 3, 4, 5);
        assertThat(Cbor.decode(hex("7f657374726561646d696e67ff"))).isEqualTo("streaming");
        assertThat(Cbor.decode(hex("9fff"))).isEqualTo(List.of());
        assertThat(Cbor.decode(hex("9f018202039f0405ffff")))
                .isEqualTo(List.of(1L, List.of(2L, 3L), List.of(4L, 5L)));
        assertThat(Cbor.decode(hex("bf61610161629f0203ffff"))).isEqualTo(Map.of("a", 1L, "b", List.of(2L, 3L)));
        assertThat(Cbor.decode(hex("bf6346756ef563416d7421ff"))).isEqualTo(Map.of("Fun", true, "Amt", -2L));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource({
        "1bffffffffffffffff, integer beyond 64-bit signed, CBOR integer out of range",
        "3bffffffffffffffff, negative integer beyond 64-bit signed, CBOR integer out of range",
        "f93c00, half-precision float, unsupported CBOR simple value or float",
        "fb3ff199999999999a, double-precision float, unsupported CBOR simple value or float",
        "f7, undefined, unsupported CBOR simple value or float",
        "1f, indefinite-length integer, indefinite or reserved CBOR length",
        "1c, reserved additional information, indefinite or reserved CBOR length",
        "ff, break outside an indefinite-length item, unexpected CBOR break",
        "9f01, indefinite-length array without its break, CBOR ends early",
        "5f6161ff, text chunk in a byte string, CBOR string chunk of another type",
        "bf0102, indefinite-length map without its break, CBOR ends early",
        "a201020103, duplicate map key, duplicate CBOR map key 1",
        "a1400102, byte string as map key, CBOR map key of an unsupported type",
        "0000, two items, trailing bytes after the CBOR item",
        "62c328, text that is not UTF-8, CBOR text string is not UTF-8",
        "4401, byte string cut short, CBOR string runs past the end",
        "9a7fffffff, array longer than its input, CBOR array or map runs past the end",
        "19, head cut short, CBOR ends early",
    })
    void refuses(String cbor, String what, String reason) {
        assertThatThrownBy(() -> Cbor.decode(hex(cbor))).as(what)
                .isInstanceOf(Cbor.MalformedException.class).hasMessage(reason);
    }

    @Test
    void refusesNestingDeeperThanAnyAttestationDocument() {
        assertThatThrownBy(() -> Cbor.decode(hex("81".repeat(40) + "00")))
                .isInstanceOf(Cbor.MalformedException.class).hasMessage("CBOR nested too deeply");
    }
}
