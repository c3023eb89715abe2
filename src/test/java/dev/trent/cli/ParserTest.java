package dev.trent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Trent's command-line parser: each form of option, repeatable and negatable options, usage errors
 * (message, hint, exit 2) and --help / --version on every command, through {@link Main#run}. The
 * values themselves are read from {@link Parser#parse}, as a command would, since a command line that
 * parses would start Trent.
 */
class ParserTest {
    private static final List<String> COMMANDS = List.of("", "export", "inspect", "change-password");

    private final CommandLineRun cli = new CommandLineRun();

    private static ParsedArgs parse(String... args) {
        return Parser.parse(new Main(), args).args();
    }

    /** Every command with the words that name it on the command line. */
    private static List<Parser.Parse> everyCommand() {
        List<Parser.Parse> commands = new ArrayList<>();
        for (String name : COMMANDS) {
            commands.add(name.isEmpty() ? Parser.parse(new Main()) : Parser.parse(new Main(), name));
        }
        return commands;
    }

    private static String[] words(String command, String... args) {
        List<String> words = new ArrayList<>();
        if (!command.isEmpty()) {
            words.add(command);
        }
        words.addAll(List.of(args));
        return words.toArray(new String[0]);
    }

    private void assertUsageError(String message, String hintCommand, String... args) {
        assertThat(cli.run(args)).as(String.join(" ", args)).isEqualTo(2);
        assertThat(cli.err()).as(String.join(" ", args)).isEqualTo(message + System.lineSeparator()
                + "Try '" + hintCommand + " --help' for more information." + System.lineSeparator());
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void aValueFollowsItsOptionWithASpaceOrAnEqualsSign() {
        assertThat(parse("--port", "7000").integer(Main.PORT)).isEqualTo(7000);
        assertThat(parse("--port=7000").integer(Main.PORT)).isEqualTo(7000);
        assertThat(parse("--bind=0.0.0.0", "--region", "eu-west-1").string(Main.BIND)).isEqualTo("0.0.0.0");
        assertThat(parse("--bind=0.0.0.0", "--region", "eu-west-1").string(Main.REGION)).isEqualTo("eu-west-1");
        assertThat(parse("--data", "a/b").path(StoreOptions.DATA)).isEqualTo(Path.of("a/b"));
        assertThat(parse("--admin-token=x=y").string(Main.ADMIN_TOKEN)).isEqualTo("x=y");
        assertThat(parse("--admin-token=").string(Main.ADMIN_TOKEN)).isEmpty();

        // as the command itself reads them: the same message whichever the form
        assertUsageError("--account must be 12 digits, not '12345'", "trent", "--account", "12345");
        assertUsageError("--account must be 12 digits, not '12345'", "trent", "--account=12345");
    }

    @Test
    void optionsNotGivenTakeTheirDefaults() {
        ParsedArgs none = parse();
        assertThat(none.string(Main.BIND)).isEqualTo("127.0.0.1");
        assertThat(none.integer(Main.PORT)).isEqualTo(6767);
        assertThat(none.string(Main.ACCOUNT)).isEqualTo("000000000000");
        assertThat(none.string(Main.REGION)).isEqualTo("us-east-1");
        assertThat(none.integer(Main.REQUEST_LOG_SIZE)).isEqualTo(1000);
        assertThat(none.path(Main.CREDENTIALS)).isNull();
        assertThat(none.string(Main.ADMIN_TOKEN)).isNull();
        assertThat(none.paths(Main.IMPORT)).isEmpty();
        assertThat(none.flag(TlsOptions.SELF_SIGNED)).isFalse();
        assertThat(none.optionalBoolean(Main.ENFORCE_POLICIES)).isNull();
    }

    @Test
    void aValueMayStartWithADashWhenItIsNoOptionOfTheCommand() {
        assertThat(parse("--admin-token", "-x").string(Main.ADMIN_TOKEN)).isEqualTo("-x");
        assertThat(parse("--request-log-size", "-1").integer(Main.REQUEST_LOG_SIZE)).isEqualTo(-1);
    }

    @Test
    void repeatableOptionsKeepEveryValueInOrder() {
        ParsedArgs args = parse("--import", "a.json", "--tls-name", "one", "--import=b.yaml", "--port", "1",
                "--import", "c.json", "--tls-name=two");
        assertThat(args.paths(Main.IMPORT)).containsExactly(Path.of("a.json"), Path.of("b.yaml"), Path.of("c.json"));
        assertThat(args.strings(TlsOptions.NAMES)).containsExactly("one", "two");
    }

    @Test
    void flagsAreTrueWhenGivenAndMayBeGivenAValue() {
        assertThat(parse("--tls").flag(TlsOptions.SELF_SIGNED)).isTrue();
        assertThat(parse("--tls=true").flag(TlsOptions.SELF_SIGNED)).isTrue();
        assertThat(parse("--tls=false").flag(TlsOptions.SELF_SIGNED)).isFalse();
        ParsedArgs export = Parser.parse(new Main(), "export", "--include-material", "--output=out.json").args();
        assertThat(export.flag(ExportCommand.INCLUDE_MATERIAL)).isTrue();
        assertThat(export.path(ExportCommand.OUTPUT)).isEqualTo(Path.of("out.json"));
        assertThat(Parser.parse(new Main(), "inspect", "--json").args().flag(InspectCommand.JSON)).isTrue();
        assertThat(Parser.parse(new Main(), "inspect").args().flag(InspectCommand.JSON)).isFalse();
    }

    @Test
    void theNegatableOptionInEveryForm() {
        assertThat(parse().optionalBoolean(Main.ENFORCE_POLICIES)).isNull();
        assertThat(parse("--enforce-policies").optionalBoolean(Main.ENFORCE_POLICIES)).isTrue();
        assertThat(parse("--enforce-policies=true").optionalBoolean(Main.ENFORCE_POLICIES)).isTrue();
        assertThat(parse("--enforce-policies=false").optionalBoolean(Main.ENFORCE_POLICIES)).isFalse();
        assertThat(parse("--enforce-policies=FALSE").optionalBoolean(Main.ENFORCE_POLICIES)).isFalse();
        assertThat(parse("--enforce-policies", "true").optionalBoolean(Main.ENFORCE_POLICIES)).isTrue();
        assertThat(parse("--enforce-policies", "false").optionalBoolean(Main.ENFORCE_POLICIES)).isFalse();
        assertThat(parse("--no-enforce-policies").optionalBoolean(Main.ENFORCE_POLICIES)).isFalse();

        ParsedArgs followed = parse("--enforce-policies", "--port", "1");
        assertThat(followed.optionalBoolean(Main.ENFORCE_POLICIES)).isTrue();
        assertThat(followed.integer(Main.PORT)).isEqualTo(1);
        ParsedArgs negatedFollowed = parse("--no-enforce-policies", "--port", "2");
        assertThat(negatedFollowed.optionalBoolean(Main.ENFORCE_POLICIES)).isFalse();
        assertThat(negatedFollowed.integer(Main.PORT)).isEqualTo(2);

        assertUsageError("Invalid value for option '--enforce-policies': 'maybe' is not a boolean", "trent",
                "--enforce-policies=maybe");
        // not a boolean, so not its value: an argument of its own, which trent does not take
        assertUsageError("Unknown command: 'maybe' (the commands are export, inspect, change-password)", "trent",
                "--enforce-policies", "maybe");
        String noValue = "Option '--no-enforce-policies' takes no value: give --enforce-policies=true or "
                + "--enforce-policies=false instead";
        assertUsageError(noValue, "trent", "--no-enforce-policies=true");
        assertUsageError(noValue, "trent", "--no-enforce-policies", "false");
        assertUsageError("option '--enforce-policies' (true|false) should be specified only once", "trent",
                "--enforce-policies", "--no-enforce-policies");
    }

    @Test
    void usageErrorsGiveTheirMessageAHintAndExitTwo() {
        assertUsageError("Unknown option: '--foo'", "trent", "--foo");
        assertUsageError("Unknown option: '-x'", "trent", "-x");
        assertUsageError("Unknown option: '--foo=1'", "trent", "--port", "1", "--foo=1");
        assertUsageError("Unknown option: '--port'", "trent export", "export", "--port", "1");
        assertUsageError("Unknown option: '--json'", "trent export", "export", "--json");
        assertUsageError("Missing required parameter for option '--port' (PORT)", "trent", "--port");
        assertUsageError("Missing required parameter for option '--import' (FILE)", "trent", "--import");
        assertUsageError("Missing required parameter for option '--output' (FILE)", "trent export",
                "export", "--output");
        assertUsageError("Expected parameter for option '--port' but found '--bind'", "trent",
                "--port", "--bind", "0.0.0.0");
        assertUsageError("Expected parameter for option '--port' but found '--tls=true'", "trent",
                "--port", "--tls=true");
        assertUsageError("Invalid value for option '--port': 'abc' is not an int", "trent", "--port", "abc");
        assertUsageError("Invalid value for option '--port': 'abc' is not an int", "trent", "--port=abc");
        assertUsageError("Invalid value for option '--port': '' is not an int", "trent", "--port=");
        assertUsageError("Invalid value for option '--idle-timeout': '99999999999' is not an int", "trent",
                "--idle-timeout", "99999999999");
        assertUsageError("Invalid value for option '--tls': 'yes' is not a boolean", "trent", "--tls=yes");
        assertUsageError("option '--port' (PORT) should be specified only once", "trent",
                "--port", "1", "--port=2");
        assertUsageError("Unknown command: 'frob' (the commands are export, inspect, change-password)", "trent",
                "frob");
        assertUsageError("Unknown command: '--port' (the commands are export, inspect, change-password)", "trent",
                "--", "--port");
        assertUsageError("Unexpected argument: 'stray' (trent export takes options only)", "trent export",
                "export", "stray");
        assertUsageError("Unexpected argument: 'inspect' (trent inspect takes options only)", "trent inspect",
                "inspect", "--json", "inspect");
        assertUsageError("'export' must come first: the options before it are trent's, which trent export "
                + "does not take", "trent", "--data", "d", "export");
        // an error wins over --help, which would hide it
        assertUsageError("Invalid value for option '--port': 'abc' is not an int", "trent", "--help", "--port", "abc");
        // the commands' own checks, in the same form
        assertUsageError("--port must be between 0 and 65535, not 65536", "trent", "--port", "65536");
        assertUsageError("export reads a store: give --data DIR or --store JDBC_URL", "trent export", "export");
        assertUsageError("Give --data or --store, not both", "trent inspect",
                "inspect", "--data", "d", "--store", "jdbc:postgresql://h/db");
    }

    @Test
    void helpOnEveryCommandListsEveryOptionTheParserAccepts() {
        for (Parser.Parse command : everyCommand()) {
            String name = command.path().equals("trent") ? "" : command.command().spec().name();
            for (String helpOption : List.of("--help", "-h")) {
                assertThat(cli.run(words(name, helpOption))).as(command.path() + " " + helpOption).isZero();
                assertThat(cli.err()).isEmpty();
                String help = cli.out();
                assertThat(help).startsWith("Usage: " + command.path() + " [-hV]")
                        .contains(command.command().spec().description().get(0).split(" ")[0])
                        .doesNotContain("${");
                List<Option> options = command.command().spec().options();
                assertThat(options).contains(Option.HELP, Option.VERSION);
                for (Option option : options) {
                    assertThat(help).as(command.path() + " " + option.name()).contains(option.synopsis());
                    assertThat(help).as(command.path() + " " + option.name())
                            .contains(option.helpText().split(" ")[0]);
                    if (option.defaultValue() != null && option.description().contains("${DEFAULT-VALUE}")) {
                        assertThat(help.replaceAll("\\s+", " ")).contains("(default: " + option.defaultValue());
                    }
                    for (String optionName : option.names()) {
                        assertThat(help).contains(option.kind() == Option.Kind.NEGATABLE_BOOLEAN
                                ? "--[no-]" + option.name().substring(2) : optionName);
                        accepts(command, option, optionName);
                    }
                }
            }
        }
    }

    /** The parser takes every name of the option, as help shows it. */
    private static void accepts(Parser.Parse command, Option option, String name) {
        String value = option.type() == ValueType.INT ? "1" : "x";
        List<String> args = new ArrayList<>(List.of(words(command.path().equals("trent") ? ""
                : command.command().spec().name())));
        args.add(name);
        if (option.requiresValue()) {
            args.add(value);
        }
        Parser.Parse parse = Parser.parse(new Main(), args.toArray(new String[0]));
        assertThat(parse.path()).isEqualTo(command.path());
        if (option == Option.HELP) {
            assertThat(parse.help()).isTrue();
        } else if (option == Option.VERSION) {
            assertThat(parse.version()).isTrue();
        } else {
            assertThat(parse.args().given(option)).as(name).isTrue();
        }
    }

    @Test
    void helpOfTrentListsItsCommandsAndWrapsItsLines() {
        String help = CommandLineRun.help();
        assertThat(help).contains(System.lineSeparator() + "Commands:" + System.lineSeparator()
                + "  export           Write the store's keys");
        assertThat(help).contains("  inspect          Show the store's", "  change-password  Re-seal every secret");
        assertThat(help).contains("[--import=FILE]... [--tls-name=NAME]... [COMMAND]");
        assertThat(help).contains("      --port=PORT            Port to listen on (default: 6767; 0 picks a free"
                + System.lineSeparator() + "                               port).");
        assertThat(help).contains("      --[no-]enforce-policies[=true|false]" + System.lineSeparator()
                + "                             Decide every request");
        assertThat(help).contains("  -h, --help                 Show this help message and exit.");
        for (String line : help.split(System.lineSeparator())) {
            // only a word longer than the line may make it longer (the JDBC URL of --store)
            assertThat(line.length() <= 80 || !line.strip().contains(" ")).as(line).isTrue();
        }
    }

    @Test
    void versionOnEveryCommand() {
        for (String name : COMMANDS) {
            for (String versionOption : List.of("--version", "-V")) {
                assertThat(cli.run(words(name, versionOption))).as(name + " " + versionOption).isZero();
                assertThat(cli.out()).isEqualTo(Cli.version() + System.lineSeparator()).startsWith("Trent ");
                assertThat(cli.err()).isEmpty();
            }
        }
    }

    @Test
    void helpAfterASubcommandNameIsThatCommandsHelp() {
        assertThat(cli.run("--help", "export")).isZero();
        assertThat(cli.out()).startsWith("Usage: trent export ");
        assertThat(cli.run("change-password", "--data", "d", "-h")).isZero();
        assertThat(cli.out()).startsWith("Usage: trent change-password ").contains("--new-password-file=FILE");
    }

    @Test
    void aCommandReadingAnOptionItDoesNotHaveIsABug() {
        ParsedArgs export = Parser.parse(new Main(), "export").args();
        assertThatThrownBy(() -> export.integer(Main.PORT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse().string(Main.PORT)).isInstanceOf(IllegalArgumentException.class);
    }
}
