package dev.trent.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** The values a command line gave one command's options, read by type; defaults for those not given. */
final class ParsedArgs {
    private final CommandSpec spec;
    /**
     * Converted values; a List of them for repeatable options. By identity: each option is one
     * constant, and a record's own equals and hashCode are linked through method handles at their
     * first call, which cost the start-up tens of milliseconds.
     */
    private final Map<Option, Object> values = new IdentityHashMap<>();

    ParsedArgs(CommandSpec spec) {
        this.spec = spec;
    }

    boolean given(Option option) {
        return values.containsKey(known(option));
    }

    /** Sets the value of an option given once; the parser has checked it was not given before. */
    void set(Option option, Object value) {
        values.put(known(option), value);
    }

    /** Adds a value of a repeatable option. */
    @SuppressWarnings("unchecked")
    void add(Option option, Object value) {
        List<Object> list = (List<Object>) values.get(known(option));
        if (list == null) {
            list = new ArrayList<>();
            values.put(option, list);
        }
        list.add(value);
    }

    String string(Option option) {
        return (String) single(option, ValueType.STRING);
    }

    int integer(Option option) {
        Object value = single(option, ValueType.INT);
        if (value == null) {
            throw new IllegalArgumentException(option.name() + " has no value and no default");
        }
        return (Integer) value;
    }

    Path path(Option option) {
        return (Path) single(option, ValueType.PATH);
    }

    /** A flag: whether it was given (and not given as =false). */
    boolean flag(Option option) {
        expect(option, Option.Kind.FLAG, ValueType.BOOLEAN);
        return Boolean.TRUE.equals(values.get(option));
    }

    /** A negatable option: true or false as given, null when it was not. */
    Boolean optionalBoolean(Option option) {
        expect(option, Option.Kind.NEGATABLE_BOOLEAN, ValueType.BOOLEAN);
        return (Boolean) values.get(option);
    }

    List<Path> paths(Option option) {
        return list(option, ValueType.PATH);
    }

    List<String> strings(Option option) {
        return list(option, ValueType.STRING);
    }

    private Object single(Option option, ValueType type) {
        expect(option, Option.Kind.VALUE, type);
        Object value = values.get(option);
        if (value == null && option.defaultValue() != null) {
            return type.convert(option, option.defaultValue());
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> list(Option option, ValueType type) {
        expect(option, Option.Kind.REPEATABLE, type);
        List<T> list = (List<T>) values.get(option);
        return list == null ? new ArrayList<>() : new ArrayList<>(list);
    }

    /** A command reading an option it does not have, or reading it as the wrong type, is a bug. */
    private void expect(Option option, Option.Kind kind, ValueType type) {
        known(option);
        if (option.kind() != kind || option.type() != type) {
            throw new IllegalArgumentException(option.name() + " is a " + option.kind() + " of " + option.type()
                    + ", not a " + kind + " of " + type);
        }
    }

    private Option known(Option option) {
        for (Option own : spec.options()) {
            if (own == option) {
                return option;
            }
        }
        throw new IllegalArgumentException(spec.name() + " has no option " + option.name());
    }
}
