package dev.trent.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * AWS's constraints on every request member (required, length, range, pattern, enum), read from
 * {@code constraints.tsv}, which tools/gen-constraints.py extracts from the AWS service model, and
 * {@code constraints-supplement.tsv}, for the members newer than that model.
 */
final class Constraints {

    /**
     * The constraint on one member, or on the elements, keys or values of a list or map member.
     *
     * @param hidden AWS leaves the value out of its messages (blobs, sensitive members)
     * @param shape the structure a member of structure type holds
     */
    record Constraint(String type, Long min, Long max, Pattern pattern, List<String> enumValues, boolean required,
            boolean hidden, Constraint member, Constraint key, Constraint value, String shape) {
    }

    /** The tables' lines, by structure and member path. */
    private final Map<String, Map<String, String[]>> lines;
    /**
     * Each structure's constraints, parsed at its first request: parsing every structure's patterns
     * and enums at once cost the start-up tens of milliseconds for operations most runs never call.
     */
    private final Map<String, Map<String, Constraint>> shapes = new ConcurrentHashMap<>();

    private Constraints(Map<String, Map<String, String[]>> lines) {
        this.lines = lines;
    }

    /** The constraint on a member of a structure, or null when the model has none for it. */
    Constraint of(String shape, String member) {
        Map<String, Constraint> members = shapes.get(shape);
        if (members == null) {
            Map<String, String[]> shapeLines = lines.get(shape);
            if (shapeLines == null) {
                return null;
            }
            members = shapes.computeIfAbsent(shape, s -> parse(shapeLines));
        }
        return members.get(member);
    }

    /** The structures the tables constrain. */
    Set<String> shapes() {
        return lines.keySet();
    }

    static Constraints load() {
        Map<String, Map<String, String[]>> lines = new HashMap<>();
        read("constraints.tsv", lines);
        read("constraints-supplement.tsv", lines);
        return new Constraints(lines);
    }

    private static Map<String, Constraint> parse(Map<String, String[]> members) {
        Map<String, Constraint> constraints = new HashMap<>();
        for (String path : members.keySet()) {
            if (!path.contains(".")) {
                constraints.put(path, parse(members, path));
            }
        }
        return constraints;
    }

    /** Adds a table's lines, by structure and member path; lines starting with # are comments. */
    private static void read(String resource, Map<String, Map<String, String[]>> lines) {
        try (InputStream in = Constraints.class.getResourceAsStream(resource);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.startsWith("#")) {
                    String[] columns = line.split("\t");
                    lines.computeIfAbsent(columns[0], s -> new HashMap<>()).put(columns[1], columns);
                }
            }
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException(resource + " is missing from the jar", e);
        }
    }

    private static Constraint parse(Map<String, String[]> members, String path) {
        String[] columns = members.get(path);
        if (columns == null) {
            return null;
        }
        Map<String, String> attributes = new HashMap<>();
        for (int i = 2; i < columns.length; i++) {
            String[] pair = columns[i].split("=", 2);
            attributes.put(pair[0], pair.length == 2 ? pair[1] : "");
        }
        return new Constraint(
                attributes.get("type"),
                attributes.containsKey("min") ? Long.valueOf(attributes.get("min")) : null,
                attributes.containsKey("max") ? Long.valueOf(attributes.get("max")) : null,
                attributes.containsKey("pattern") ? Pattern.compile(attributes.get("pattern")) : null,
                attributes.containsKey("enum") ? SdkEnums.values(attributes.get("enum")) : null,
                attributes.containsKey("required"),
                attributes.containsKey("hidden"),
                parse(members, path + ".member"),
                parse(members, path + ".key"),
                parse(members, path + ".value"),
                attributes.get("shape"));
    }
}
