package dev.trent.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a command is: its name, what it does, its options (in the order help lists them, --help and
 * --version added at the end) and its subcommands.
 *
 * @param description paragraphs, each wrapped on its own in help
 */
record CommandSpec(String name, List<String> description, List<Option> options, List<Command> subcommands) {
    CommandSpec {
        List<Option> all = new ArrayList<>(options);
        all.add(Option.HELP);
        all.add(Option.VERSION);
        Set<String> names = new HashSet<>();
        for (Option option : all) {
            for (String each : option.names()) {
                if (!names.add(each)) {
                    throw new IllegalArgumentException(name + ": two options named " + each);
                }
            }
        }
        description = List.copyOf(description);
        options = List.copyOf(all);
        subcommands = List.copyOf(subcommands);
    }

    CommandSpec(String name, String description, List<Option> options) {
        this(name, List.of(description), options, List.of());
    }

    /** The option of this command called {@code name} (any of its names); null when there is none. */
    Option option(String name) {
        for (Option option : options) {
            for (String each : option.names()) {
                if (each.equals(name)) {
                    return option;
                }
            }
        }
        return null;
    }

    /** The subcommand called {@code name}; null when there is none. */
    Command subcommand(String name) {
        for (Command command : subcommands) {
            if (command.spec().name().equals(name)) {
                return command;
            }
        }
        return null;
    }
}
