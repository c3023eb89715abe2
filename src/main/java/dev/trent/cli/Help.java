package dev.trent.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A command's --help, laid out as picocli laid it out: usage, description, options, commands; 80 columns. */
final class Help {
    /** Lines are at most this long, with room for a space after every word but a paragraph's last. */
    private static final int WIDTH = 80;
    /** Where an option's long name starts; its short name, when it has one, comes before. */
    private static final int NAME_COLUMN = 6;
    /** Where option descriptions start; a longer option gets a line of its own. */
    private static final int DESCRIPTION_COLUMN = 29;
    /** How much further a description's later lines are indented than its first. */
    private static final int CONTINUATION = 2;
    private static final String NL = System.lineSeparator();

    private final StringBuilder text = new StringBuilder();

    private Help() {
    }

    /** The help of {@code spec}, whose full name is {@code path} ("trent export"). */
    static String of(CommandSpec spec, String path) {
        Help help = new Help();
        help.usage(spec, path);
        for (String paragraph : spec.description()) {
            help.block("", paragraph, 0);
        }
        for (Option option : spec.options()) {
            help.option(option);
        }
        help.commands(spec);
        return help.text.toString();
    }

    /** The usage line: short flags, flags, options with a value, repeatable options, then [COMMAND]. */
    private void usage(CommandSpec spec, String path) {
        StringBuilder shortFlags = new StringBuilder();
        // each group sorted by what comes before a value: --tls-cert before --tls-cert-out
        Map<String, String> flags = new TreeMap<>();
        Map<String, String> valued = new TreeMap<>();
        Map<String, String> repeatable = new TreeMap<>();
        for (Option option : spec.options()) {
            String synopsis = option.synopsis();
            String key = synopsis.split("=", 2)[0];
            if (option.shortName() != null) {
                shortFlags.append(option.shortName().substring(1));
            } else if (option.kind() == Option.Kind.FLAG) {
                flags.put(key, "[" + synopsis + "]");
            } else if (option.kind() == Option.Kind.REPEATABLE) {
                repeatable.put(key, "[" + synopsis + "]...");
            } else {
                valued.put(key, "[" + synopsis + "]");
            }
        }
        List<String> items = new ArrayList<>();
        if (shortFlags.length() > 0) {
            items.add("[-" + shortFlags + "]");
        }
        items.addAll(flags.values());
        items.addAll(valued.values());
        items.addAll(repeatable.values());
        if (!spec.subcommands().isEmpty()) {
            items.add("[COMMAND]");
        }
        block("Usage: " + path + " ", String.join(" ", items), "Usage: ".length() + path.length() + 1);
    }

    private void option(Option option) {
        String label = (option.shortName() != null ? "  " + option.shortName() + ", " : " ".repeat(NAME_COLUMN))
                + option.synopsis();
        if (label.length() < DESCRIPTION_COLUMN) {
            block(pad(label, DESCRIPTION_COLUMN), option.helpText(), DESCRIPTION_COLUMN + CONTINUATION);
        } else {
            text.append(label).append(NL);
            block(" ".repeat(DESCRIPTION_COLUMN), option.helpText(), DESCRIPTION_COLUMN + CONTINUATION);
        }
    }

    private void commands(CommandSpec spec) {
        if (spec.subcommands().isEmpty()) {
            return;
        }
        text.append("Commands:").append(NL);
        int longest = 0;
        for (Command command : spec.subcommands()) {
            longest = Math.max(longest, command.spec().name().length());
        }
        int column = 2 + longest + 2;
        for (Command command : spec.subcommands()) {
            CommandSpec sub = command.spec();
            block(pad("  " + sub.name(), column), String.join(" ", sub.description()), column + CONTINUATION);
        }
    }

    /**
     * {@code text} wrapped at the width on lines of its own: the first after {@code first} (which sets
     * where it starts), the others indented by {@code indent}. A word longer than a line overflows it.
     */
    private void block(String first, String paragraph, int indent) {
        StringBuilder line = new StringBuilder(first);
        int start = line.length();
        String[] words = paragraph.split(" ");
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            int end = line.length() + 1 + word.length() + (i == words.length - 1 ? 0 : 1);
            if (line.length() > start && end > WIDTH) {
                text.append(line).append(NL);
                line.setLength(0);
                line.append(" ".repeat(indent));
                start = indent;
            }
            if (line.length() > start) {
                line.append(' ');
            }
            line.append(word);
        }
        text.append(line).append(NL);
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(1, width - text.length()));
    }
}
