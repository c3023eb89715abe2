package dev.trent.junit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The files a {@link WithTrent} names (key files, the credentials file): paths, or
 * {@code classpath:NAME} resources, which Trent reads as files. A resource inside a jar is copied to
 * a temporary file, deleted by {@link #close()}.
 */
final class TestFiles implements AutoCloseable {
    static final String CLASSPATH = "classpath:";

    private final List<Path> copies = new ArrayList<>();

    Path resolve(String spec, String option) {
        if (!spec.startsWith(CLASSPATH)) {
            Path path = Path.of(spec);
            if (!Files.isRegularFile(path)) {
                throw new ExtensionConfigurationException("@WithTrent(" + option + "): no file " + path.toAbsolutePath());
            }
            return path;
        }
        String name = spec.substring(CLASSPATH.length());
        while (name.startsWith("/")) {
            name = name.substring(1);
        }
        URL resource = classLoader().getResource(name);
        if (resource == null) {
            throw new ExtensionConfigurationException("@WithTrent(" + option + "): no resource " + name
                    + " on the class path");
        }
        if ("file".equals(resource.getProtocol())) {
            try {
                return Path.of(resource.toURI());
            } catch (URISyntaxException | IllegalArgumentException e) {
                // Not a plain file URL after all: copy it, as from a jar.
            }
        }
        return copy(resource, name);
    }

    private Path copy(URL resource, String name) {
        String fileName = name.substring(name.lastIndexOf('/') + 1);
        try (InputStream in = resource.openStream()) {
            Path copy = Files.createTempFile("trent-", "-" + fileName);
            copies.add(copy);
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + resource + " to a temporary file", e);
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : TestFiles.class.getClassLoader();
    }

    @Override
    public void close() {
        for (Path copy : copies) {
            try {
                Files.deleteIfExists(copy);
            } catch (IOException e) {
                copy.toFile().deleteOnExit();
            }
        }
        copies.clear();
    }
}
