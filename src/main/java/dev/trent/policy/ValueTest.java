package dev.trent.policy;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One value of a condition, compiled for its operator: tests one request value. Constants (numbers,
 * dates, CIDRs, base64) are parsed once here, at parse time; AWS allows no policy variables in those
 * families, so nothing of theirs is left for the hot path.
 */
@FunctionalInterface
interface ValueTest {

    boolean test(String requestValue, RequestContext request);

    static ValueTest compile(Operator op, String value, boolean variables) {
        Operator positive = op.positive();
        return switch (positive.family) {
            case STRING -> string(Template.parse(value, variables), false, false);
            case STRING_IGNORE_CASE -> string(Template.parse(value, variables), true, false);
            case STRING_LIKE -> string(Template.parse(value, variables), false, true);
            case BOOL -> string(Template.parse(value, variables), true, false);
            case ARN -> arn(Template.parse(value, variables), positive == Operator.ARN_EQUALS);
            case NUMERIC -> numeric(positive, value);
            case DATE -> date(positive, value);
            case BINARY -> binary(value);
            case IP -> ip(value);
            case NULL -> throw new IllegalStateException("Null has no value test");
        };
    }

    /** Equality compares the substituted text exactly (no wildcards); Like uses the wildcards as written. */
    private static ValueTest string(Template template, boolean ignoreCase, boolean like) {
        if (!template.hasVariables()) {
            if (like) {
                Glob glob = new Glob(template.elements(null).orElseThrow(), false);
                return (v, r) -> glob.matches(v);
            }
            String text = template.text(null).orElseThrow();
            return ignoreCase ? (v, r) -> v.equalsIgnoreCase(text) : (v, r) -> v.equals(text);
        }
        if (like) {
            return (v, r) -> template.elements(r).map(e -> new Glob(e, false).matches(v)).orElse(false);
        }
        return (v, r) -> template.text(r).map(t -> ignoreCase ? v.equalsIgnoreCase(t) : v.equals(t)).orElse(false);
    }

    /** ArnEquals and ArnLike both match segment-wise with wildcards (one row in AWS's table). */
    private static ValueTest arn(Template template, boolean equals) {
        ArnPattern pattern = new ArnPattern(template);
        if (!pattern.wellFormed()) {
            throw new MalformedPolicyException("not an ARN in an Arn condition: " + template.source());
        }
        return (v, r) -> pattern.matches(v, r);
    }

    private static ValueTest numeric(Operator op, String value) {
        BigDecimal limit = number(value)
                .orElseThrow(() -> new MalformedPolicyException("not a number in " + op.awsName() + ": " + value));
        return (v, r) -> number(v).map(n -> compare(op, n.compareTo(limit))).orElse(false);
    }

    private static ValueTest date(Operator op, String value) {
        Instant limit = instant(value)
                .orElseThrow(() -> new MalformedPolicyException("not a date in " + op.awsName() + ": " + value));
        return (v, r) -> instant(v).map(d -> compare(op, d.compareTo(limit))).orElse(false);
    }

    private static boolean compare(Operator op, int order) {
        return switch (op) {
            case NUMERIC_EQUALS, DATE_EQUALS -> order == 0;
            case NUMERIC_LESS_THAN, DATE_LESS_THAN -> order < 0;
            case NUMERIC_LESS_THAN_EQUALS, DATE_LESS_THAN_EQUALS -> order <= 0;
            case NUMERIC_GREATER_THAN, DATE_GREATER_THAN -> order > 0;
            case NUMERIC_GREATER_THAN_EQUALS, DATE_GREATER_THAN_EQUALS -> order >= 0;
            default -> throw new IllegalStateException(op.name());
        };
    }

    private static ValueTest binary(String value) {
        byte[] expected = base64(value)
                .orElseThrow(() -> new MalformedPolicyException("not base64 in BinaryEquals: " + value));
        return (v, r) -> base64(v).map(b -> Arrays.equals(b, expected)).orElse(false);
    }

    private static ValueTest ip(String value) {
        Cidr cidr = Cidr.parse(value)
                .orElseThrow(() -> new MalformedPolicyException("not an IP address or CIDR: " + value));
        return (v, r) -> Cidr.address(v).map(cidr::contains).orElse(false);
    }

    static Optional<BigDecimal> number(String text) {
        try {
            return Optional.of(new BigDecimal(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** ISO 8601 (with or without time and offset) or epoch seconds: IAM User Guide, Date condition operators. */
    static Optional<Instant> instant(String text) {
        String t = text.trim();
        if (t.matches("-?\\d+")) {
            try {
                return Optional.of(Instant.ofEpochSecond(Long.parseLong(t)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException e) {
            // not an offset date-time; try the other ISO forms
        }
        try {
            return Optional.of(Instant.parse(t));
        } catch (DateTimeParseException e) {
            // not an instant
        }
        try {
            return Optional.of(java.time.LocalDateTime.parse(t).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            // not a local date-time
        }
        try {
            return Optional.of(LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Optional<byte[]> base64(String text) {
        try {
            return Optional.of(Base64.getDecoder().decode(text.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** An IPv4 or IPv6 network; a bare address is a /32 or /128. Literals only: never a name lookup. */
    record Cidr(byte[] network, int prefix) {
        private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
        private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:.]*");

        static Optional<Cidr> parse(String text) {
            String t = text.trim();
            int slash = t.indexOf('/');
            Optional<byte[]> address = address(slash < 0 ? t : t.substring(0, slash));
            if (address.isEmpty()) {
                return Optional.empty();
            }
            int bits = address.get().length * 8;
            int prefix = bits;
            if (slash >= 0) {
                String p = t.substring(slash + 1);
                if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > bits) {
                    return Optional.empty();
                }
                prefix = Integer.parseInt(p);
            }
            return Optional.of(new Cidr(address.get(), prefix));
        }

        static Optional<byte[]> address(String text) {
            String t = text.trim();
            if (IPV4.matcher(t).matches()) {
                for (String part : t.split("\\.")) {
                    if (Integer.parseInt(part) > 255) {
                        return Optional.empty();
                    }
                }
            } else if (!IPV6.matcher(t).matches()) {
                return Optional.empty();
            }
            try {
                return Optional.of(InetAddress.getByName(t).getAddress());
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
