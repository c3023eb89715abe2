package dev.trent.ui;

import dev.trent.admin.AdminRequest;
import dev.trent.admin.AdminResponse;
import dev.trent.admin.AdminRoute;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console's page, script and style sheet, served from the jar as they are (no build step):
 * {@code /_trent/ui/NAME} is the resource {@code dev/trent/ui/NAME}; the console's root, with or
 * without its trailing slash, is {@code index.html}, which names its files by absolute path so that
 * both work. Only plain file names of known types are served: no directories, no {@code ..}.
 */
final class StaticFiles implements AdminRoute {
    static final String ROOT = "/_trent/ui/";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(html|js|css|svg)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml");

    private final Map<String, Optional<byte[]>> loaded = new ConcurrentHashMap<>();

    @Override
    public AdminResponse handle(AdminRequest request) {
        String name = request.path().equals(ROOT) || request.path().equals(ROOT.substring(0, ROOT.length() - 1))
                ? "index.html" : request.path().substring(ROOT.length());
        Matcher matcher = NAME.matcher(name);
        Optional<byte[]> file = matcher.matches() ? loaded.computeIfAbsent(name, StaticFiles::read) : Optional.empty();
        return file.map(bytes -> new AdminResponse(200, TYPES.get(matcher.group(1)), bytes))
                .orElseGet(() -> AdminResponse.json(404, "{\"message\":\"Not found\"}"));
    }

    private static Optional<byte[]> read(String name) {
        try (InputStream in = StaticFiles.class.getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
