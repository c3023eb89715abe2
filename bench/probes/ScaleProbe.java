import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether an operation's cost grows with the number of keys: creates keys (and one alias for every
 * tenth key) through the API in steps up to the largest size, and at each size times, on one
 * keep-alive connection, lookups by key id, by alias, with a grant token, ListGrants, ListAliases'
 * first page, and every page of ListKeys (Limit 1000) from the first to the last. Every response is
 * checked. Prints one row per operation and one column per size: mean and p99 in microseconds.
 *
 * <p>Usage: ScaleProbe PORT SIZE... (ascending, e.g. 1000 10000 100000 1000000)
 */
public final class ScaleProbe {
    private static final Pattern KEY_ID = Pattern.compile("\"KeyId\":\"([^\"]+)\"");
    private static final Pattern NEXT_MARKER = Pattern.compile("\"NextMarker\":\"([^\"]+)\"");
    private static final Pattern GRANT_TOKEN = Pattern.compile("\"GrantToken\":\"([^\"]+)\"");
    private static final int SAMPLES = 2000;
    private static final int GRANTS = 20;

    private static String[] keyIds = new String[0];
    private static final Random RANDOM = new Random(1);

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int[] sizes = Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray();
        List<String> rows = new ArrayList<>(List.of("DescribeKey by key id", "DescribeKey by alias (one alias per 10 keys)",
                "Encrypt 1 KB with a grant token", "ListGrants (" + GRANTS + " grants)", "ListAliases, first page of 100",
                "ListKeys, every page of 1000"));
        List<List<String>> cells = new ArrayList<>();
        rows.forEach(row -> cells.add(new ArrayList<>()));
        String plaintext = Base64.getEncoder().encodeToString(new byte[1024]);
        String grantKey;
        String grantToken;
        try (RawHttp http = new RawHttp(port)) {
            grantKey = match(KEY_ID, Parallel.expect(http, "CreateKey", "{}", "KeyId").body());
            grantToken = null;
            for (int g = 0; g < GRANTS; g++) {
                grantToken = match(GRANT_TOKEN, Parallel.expect(http, "CreateGrant", "{\"KeyId\":\"" + grantKey
                        + "\",\"GranteePrincipal\":\"arn:aws:iam::111122223333:role/app" + g + "\","
                        + "\"Operations\":[\"Encrypt\",\"Decrypt\"]}", "GrantToken").body());
            }
        }
        int created = 0;
        for (int size : sizes) {
            keyIds = Arrays.copyOf(keyIds, size);
            int from = created;
            double seconds = Parallel.run(port, from, size, 32, (http, i) -> keyIds[i] =
                    match(KEY_ID, Parallel.expect(http, "CreateKey", "{}", "KeyMetadata").body()));
            Parallel.run(port, from / 10, size / 10, 32, (http, i) -> Parallel.expect(http, "CreateAlias",
                    "{\"AliasName\":\"alias/a" + i + "\",\"TargetKeyId\":\"" + keyIds[i * 10] + "\"}", "{}"));
            created = size;
            System.err.printf(Locale.ROOT, "%d keys (%.0f CreateKey/s), %d aliases%n", size, (size - from) / seconds,
                    size / 10);
            boolean first = size == sizes[0];
            for (int pass = first ? 0 : 1; pass < 2; pass++) { // the first size's first pass warms Trent's JIT up
                measure(port, size, grantKey, grantToken, plaintext, pass == 0 ? warmUp(rows.size()) : cells);
            }
        }

        StringBuilder table = new StringBuilder("| operation (us: mean / p99) |");
        for (int size : sizes) {
            table.append(String.format(Locale.ROOT, " %,d keys |", size));
        }
        table.append("\n|---|").append("---:|".repeat(sizes.length)).append('\n');
        for (int r = 0; r < rows.size(); r++) {
            table.append("| ").append(rows.get(r)).append(" |");
            cells.get(r).forEach(cell -> table.append(' ').append(cell).append(" |"));
            table.append('\n');
        }
        System.out.print(table);
    }

    private static void measure(int port, int size, String grantKey, String token, String plaintext,
            List<List<String>> cells) throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            cells.get(0).add(time(() -> Parallel.expect(http, "DescribeKey",
                    "{\"KeyId\":\"" + keyIds[RANDOM.nextInt(size)] + "\"}", "KeyMetadata")));
            cells.get(1).add(time(() -> Parallel.expect(http, "DescribeKey",
                    "{\"KeyId\":\"alias/a" + RANDOM.nextInt(size / 10) + "\"}", "KeyMetadata")));
            cells.get(2).add(time(() -> Parallel.expect(http, "Encrypt", "{\"KeyId\":\"" + grantKey
                    + "\",\"Plaintext\":\"" + plaintext + "\",\"GrantTokens\":[\"" + token + "\"]}", "CiphertextBlob")));
            cells.get(3).add(time(() -> Parallel.expect(http, "ListGrants", "{\"KeyId\":\"" + grantKey + "\"}",
                    "GrantId")));
            cells.get(4).add(time(() -> Parallel.expect(http, "ListAliases", "{\"Limit\":100}", "AliasName")));
            cells.get(5).add(listAllKeys(http, size + 1));
        }
    }

    private static List<List<String>> warmUp(int rows) {
        List<List<String>> discarded = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            discarded.add(new ArrayList<>());
        }
        return discarded;
    }

    interface Call {
        void run() throws Exception;
    }

    /** SAMPLES timed calls after as many untimed ones. */
    private static String time(Call call) throws Exception {
        for (int i = 0; i < SAMPLES; i++) {
            call.run();
        }
        long[] nanos = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - start;
        }
        return summary(nanos);
    }

    /** Every page of ListKeys, first to last; checks that the pages hold every key once. */
    private static String listAllKeys(RawHttp http, int expectedKeys) throws Exception {
        List<Long> pages = new ArrayList<>();
        String marker = null;
        int keys = 0;
        do {
            String json = marker == null ? "{\"Limit\":1000}" : "{\"Limit\":1000,\"Marker\":\"" + marker + "\"}";
            long start = System.nanoTime();
            String body = Parallel.expect(http, "ListKeys", json, "\"Keys\"").body();
            pages.add(System.nanoTime() - start);
            Matcher ids = KEY_ID.matcher(body);
            while (ids.find()) {
                keys++;
            }
            Matcher next = NEXT_MARKER.matcher(body);
            marker = next.find() ? next.group(1) : null;
        } while (marker != null);
        if (keys != expectedKeys) {
            throw new IllegalStateException("ListKeys listed " + keys + " keys, not " + expectedKeys);
        }
        return summary(pages.stream().mapToLong(Long::longValue).toArray()) + " (" + pages.size() + " pages)";
    }

    private static String summary(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e3;
        double p99 = sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e3;
        return String.format(Locale.ROOT, "%.0f / %.0f", mean, p99);
    }

    private static String match(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException(pattern + " not in " + body);
        }
        return m.group(1);
    }
}
