package dev.trent.control;

import dev.trent.api.CallFacts;
import dev.trent.api.Operation;
import dev.trent.kms.Scope;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A fault that Trent injects into KMS requests, for users to test their retries and fallbacks: the
 * requests it matches (by operation, key and account; an empty list matches any) are, at the rate
 * given, delayed by its latency and then answered with its AWS error, or left without an answer on a
 * closed connection. Build one with {@link #error}, {@link #latency} or {@link #closingConnection},
 * then narrow it with the {@code on...} methods.
 *
 * @param id given by {@link Faults#add}; null before
 * @param keyIds keys as requests name them: a key id and its key ARN match each other, an alias name
 *     and its alias ARN match each other (an alias does not match requests naming its key directly)
 * @param error the AWS error answered; null for none (latency alone, or a closed connection)
 * @param rate the share of matching requests that get the fault, from 0.0 to 1.0
 */
public record Fault(String id, List<String> operations, List<String> keyIds, List<String> accounts,
        FaultError error, double rate, long latencyMillis, boolean closeConnection) {
    /** Ten minutes: longer than any client waits for an answer. */
    public static final long MAX_LATENCY_MILLIS = 600_000;

    public Fault {
        operations = List.copyOf(operations);
        keyIds = List.copyOf(keyIds);
        accounts = List.copyOf(accounts);
        for (String op : operations) {
            if (Operation.named(op).isEmpty()) {
                throw new ControlException("A fault's operations are KMS operations such as Encrypt; '" + op
                        + "' is none.");
            }
        }
        for (String account : accounts) {
            if (!Scope.isAccountId(account)) {
                throw new ControlException("A fault's accounts are 12-digit account ids; '" + account + "' is none.");
            }
        }
        for (String key : keyIds) {
            if (key.isBlank()) {
                throw new ControlException("A fault's keyIds must not be empty.");
            }
        }
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new ControlException("A fault's rate is from 0.0 to 1.0, not " + rate + ".");
        }
        if (latencyMillis < 0 || latencyMillis > MAX_LATENCY_MILLIS) {
            throw new ControlException("A fault's latencyMillis is from 0 to " + MAX_LATENCY_MILLIS + ", not "
                    + latencyMillis + ".");
        }
        if (error != null && closeConnection) {
            throw new ControlException("A fault either answers with an error or closes the connection, not both.");
        }
        if (error == null && !closeConnection && latencyMillis == 0) {
            throw new ControlException("A fault needs an error, a latency or closeConnection.");
        }
    }

    /** Every request answered with this AWS error. */
    public static Fault error(FaultError error) {
        return new Fault(null, List.of(), List.of(), List.of(), error, 1.0, 0, false);
    }

    /** Every request delayed by this much, then answered as usual. */
    public static Fault latency(Duration latency) {
        return new Fault(null, List.of(), List.of(), List.of(), null, 1.0, latency.toMillis(), false);
    }

    /** Every request's connection closed with no answer. */
    public static Fault closingConnection() {
        return new Fault(null, List.of(), List.of(), List.of(), null, 1.0, 0, true);
    }

    public Fault onOperations(String... names) {
        return new Fault(id, Arrays.asList(names), keyIds, accounts, error, rate, latencyMillis, closeConnection);
    }

    public Fault onKeys(String... keys) {
        return new Fault(id, operations, Arrays.asList(keys), accounts, error, rate, latencyMillis, closeConnection);
    }

    public Fault onAccounts(String... ids) {
        return new Fault(id, operations, keyIds, Arrays.asList(ids), error, rate, latencyMillis, closeConnection);
    }

    public Fault withRate(double share) {
        return new Fault(id, operations, keyIds, accounts, error, share, latencyMillis, closeConnection);
    }

    public Fault withLatency(Duration latency) {
        return new Fault(id, operations, keyIds, accounts, error, rate, latency.toMillis(), closeConnection);
    }

    Fault withId(String newId) {
        return new Fault(newId, operations, keyIds, accounts, error, rate, latencyMillis, closeConnection);
    }

    boolean matches(CallFacts call) {
        return (operations.isEmpty() || operations.contains(call.operation().awsName()))
                && (accounts.isEmpty() || accounts.contains(call.scope().account()))
                && (keyIds.isEmpty() || call.keyIds().stream().anyMatch(this::namesKey));
    }

    private boolean namesKey(String named) {
        String wanted = KeyRef.of(named);
        return keyIds.stream().anyMatch(key -> KeyRef.of(key).equals(wanted));
    }

    /** A key id or alias name, whether given alone or in its ARN. */
    private static final class KeyRef {
        static String of(String name) {
            if (name.startsWith("arn:")) {
                int key = name.indexOf(":key/");
                if (key >= 0) {
                    return name.substring(key + ":key/".length());
                }
                int alias = name.indexOf(":alias/");
                if (alias >= 0) {
                    return name.substring(alias + 1);
                }
            }
            return name;
        }
    }
}
