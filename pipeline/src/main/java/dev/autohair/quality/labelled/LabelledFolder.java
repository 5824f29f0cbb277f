package dev.autohair.quality.labelled;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.pipeline.decode.ImageDecoder;
import dev.autohair.pipeline.decode.ImageLimits;
import dev.autohair.pipeline.image.Resampler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads a folder of {@code NAME.png} photos (JPEG and WebP too) each with its ground truth
 * {@code NAME.mask.png} (grey: 255 subject, 0 background, values between are fractional alpha).
 */
public final class LabelledFolder {

    static final String MASK_SUFFIX = ".mask.png";
    private static final List<String> PHOTO_SUFFIXES = List.of(".png", ".jpg", ".jpeg", ".webp");

    private LabelledFolder() {
    }

    /**
     * The pairs in name order; with {@code maxSide > 0} photo and mask are area-averaged so the
     * longer side is at most that (a shrunk binary mask becomes fractional at the outline).
     */
    public static List<LabelledPhoto> load(Path folder, int maxSide) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidLabelledSetException(folder.toAbsolutePath() + " is not a folder of NAME.png + NAME"
                    + MASK_SUFFIX + " pairs");
        }
        ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);
        List<LabelledPhoto> photos = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path photo : files.filter(LabelledFolder::isPhoto).sorted().toList()) {
                String file = photo.getFileName().toString();
                String name = file.substring(0, file.lastIndexOf('.'));
                Path mask = folder.resolve(name + MASK_SUFFIX);
                if (!Files.isRegularFile(mask)) {
                    throw new InvalidLabelledSetException(photo + " has no ground truth " + mask.getFileName()
                            + "; add it or move the photo out of the folder");
                }
                RgbImage image = decoder.decode(Files.readAllBytes(photo));
                Matte truth = decoder.decodeGray(Files.readAllBytes(mask));
                photos.add(shrunk(new LabelledPhoto(name, image, truth), maxSide));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read labelled photos in " + folder + ": " + e.getMessage(), e);
        }
        if (photos.isEmpty()) {
            throw new InvalidLabelledSetException(folder.toAbsolutePath() + " holds no NAME.png + NAME" + MASK_SUFFIX
                    + " pairs");
        }
        return photos;
    }

    private static boolean isPhoto(Path path) {
        String file = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(path) && !file.endsWith(MASK_SUFFIX)
                && PHOTO_SUFFIXES.stream().anyMatch(file::endsWith);
    }

    static LabelledPhoto shrunk(LabelledPhoto photo, int maxSide) {
        int w = photo.image().width();
        int h = photo.image().height();
        int longer = Math.max(w, h);
        if (maxSide <= 0 || longer <= maxSide) {
            return photo;
        }
        double scale = (double) maxSide / longer;
        int nw = Math.max(1, (int) Math.round(w * scale));
        int nh = Math.max(1, (int) Math.round(h * scale));
        RgbImage image = new RgbImage(nw, nh, Resampler.resize(photo.image().rgb(), w, h, 3, nw, nh));
        Matte truth = new Matte(nw, nh, Resampler.resize(photo.truth().alpha(), w, h, 1, nw, nh));
        return new LabelledPhoto(photo.name(), image, truth);
    }
}
