package dev.autohair.models.catalogue;

import dev.autohair.pipeline.model.ModelChecksumException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code autohair models install NAME}: puts a catalogue model into the model cache, checked
 * against its published MD5. Tries, in order: the copy already installed, rembg's own cache
 * ({@code U2NET_HOME}, else {@code $XDG_DATA_HOME/.u2net}, else {@code ~/.u2net}, where rembg
 * keeps {@code <name>.onnx}), then the download. Or installs a file the user brought by hand.
 */
public final class ModelInstaller {

    /** Where the installed file came from. */
    public enum Source { ALREADY_INSTALLED, REMBG_CACHE, LOCAL_FILE, DOWNLOADED }

    public record Installation(CatalogueModel model, Path file, Source source) {
    }

    private final InstalledModels installed;
    private final Optional<Path> rembgHome;
    private final ModelDownloader downloader;
    private final Consumer<String> progress;

    public ModelInstaller(InstalledModels installed, Optional<Path> rembgHome, ModelDownloader downloader,
            Consumer<String> progress) {
        this.installed = installed;
        this.rembgHome = rembgHome;
        this.downloader = downloader;
        this.progress = progress;
    }

    /** rembg's model folder, as rembg itself works it out from the environment. */
    public static Optional<Path> rembgHome(Map<String, String> environment, String userHome) {
        String home = environment.get("U2NET_HOME");
        if (home == null || home.isBlank()) {
            String data = environment.get("XDG_DATA_HOME");
            home = (data == null || data.isBlank() ? "~" : data) + "/.u2net";
        }
        if (home.equals("~") || home.startsWith("~/")) {
            if (userHome == null) {
                return Optional.empty();
            }
            home = userHome + home.substring(1);
        }
        return Optional.of(Path.of(home));
    }

    public Installation install(String name) {
        CatalogueModel model = installed.catalogue().require(name);
        Path target = installed.file(model);
        if (Files.isRegularFile(target)) {
            if (Md5.of(target).equals(model.md5())) {
                return new Installation(model, target, Source.ALREADY_INSTALLED);
            }
            progress.accept(target + " does not have md5 " + model.md5() + " any more; installing it again");
            delete(target);
        }
        Optional<Path> rembgCopy = rembgHome.map(h -> h.resolve(model.fileName())).filter(Files::isRegularFile);
        if (rembgCopy.isPresent()) {
            try {
                copyVerified(model, rembgCopy.get(), target);
                return new Installation(model, target, Source.REMBG_CACHE);
            } catch (ModelChecksumException e) {
                progress.accept("rembg's copy is not the published file (" + e.getMessage() + "); downloading");
            }
        }
        try {
            downloader.download(model.url(), model.md5(), target);
        } catch (ModelDownloadException | ModelChecksumException e) {
            throw withHandInstructions(model, e);
        }
        return new Installation(model, target, Source.DOWNLOADED);
    }

    /** Installs a file the user brought (downloaded elsewhere), after checking its md5. */
    public Installation installFrom(String name, Path file) {
        CatalogueModel model = installed.catalogue().require(name);
        if (!Files.isRegularFile(file)) {
            throw new ModelDownloadException(file.toAbsolutePath() + " is not a file. " + handInstructions(model));
        }
        copyVerified(model, file, installed.file(model));
        return new Installation(model, installed.file(model), Source.LOCAL_FILE);
    }

    /** What to do where the machine cannot reach the download URL. */
    public String handInstructions(CatalogueModel model) {
        return "To bring the file by hand: download " + model.url() + " on a machine that can reach it, check that"
                + " `md5sum` prints " + model.md5() + ", copy it here and run `./autohair models install " + model.name()
                + " --from FILE`" + rembgHome.map(h -> " (or put it at " + h.resolve(model.fileName())
                + ", rembg's cache, and run `./autohair models install " + model.name() + "`)").orElse("");
    }

    private RuntimeException withHandInstructions(CatalogueModel model, RuntimeException e) {
        String message = e.getMessage() + "; nothing was installed. " + handInstructions(model);
        return e instanceof ModelChecksumException
                ? new ModelChecksumException(message) : new ModelDownloadException(message, e);
    }

    // Copy first, then check the copy: what is checked is exactly what gets installed.
    private void copyVerified(CatalogueModel model, Path source, Path target) {
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".part");
            Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
            String actual = Md5.of(temp);
            if (!actual.equals(model.md5())) {
                throw new ModelChecksumException(source + " has md5 " + actual + ", but " + model.name()
                        + " as published has md5 " + model.md5() + "; it was not installed");
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            progress.accept("installed " + source + " (md5 " + actual + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source + " into the model cache " + target.getParent()
                    + " (set AUTOHAIR_MODEL_CACHE to a writable directory): " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                delete(temp);
            }
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file + ": " + e.getMessage(), e);
        }
    }
}
