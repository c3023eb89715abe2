package dev.trent.kms;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Markers and page sizes for every List operation. A marker is opaque to clients: the sort key of
 * the last item returned, tagged with what is being listed so a marker from one listing is refused
 * by another.
 */
final class Paging {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Paging() {
    }

    /**
     * Reads a page: fetches one more item than asked to learn whether another page follows.
     *
     * @param fetch (after sort key or null, count) to items in sort order
     */
    static <T> Page<T> page(String listing, String marker, Integer limit, int defaultLimit,
            BiFunction<String, Integer, List<T>> fetch, Function<T, String> sortKey) {
        int size = limit == null ? defaultLimit : limit;
        String after = marker == null ? null : decode(listing, marker);
        List<T> items = fetch.apply(after, size + 1);
        if (items.size() <= size) {
            return new Page<>(items, null);
        }
        List<T> shown = items.subList(0, size);
        return new Page<>(List.copyOf(shown), encode(listing, sortKey.apply(shown.get(size - 1))));
    }

    /** A page cut from a list that is already in memory, for small listings (tags, policies). */
    static <T> Page<T> page(String listing, String marker, Integer limit, int defaultLimit, List<T> all,
            Function<T, String> sortKey) {
        return page(listing, marker, limit, defaultLimit, (after, count) -> all.stream()
                .filter(item -> after == null || sortKey.apply(item).compareTo(after) > 0)
                .limit(count)
                .toList(), sortKey);
    }

    private static String encode(String listing, String sortKey) {
        return ENCODER.encodeToString((listing + "\n" + sortKey).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String listing, String marker) {
        try {
            String text = new String(DECODER.decode(marker), StandardCharsets.UTF_8);
            if (text.startsWith(listing + "\n")) {
                return text.substring(listing.length() + 1);
            }
        } catch (IllegalArgumentException e) {
            // not base64: refused below like any other marker Trent did not make
        }
        throw new KmsException(ErrorCode.INVALID_MARKER, "Invalid marker");
    }
}
