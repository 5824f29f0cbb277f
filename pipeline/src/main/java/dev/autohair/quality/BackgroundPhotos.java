package dev.autohair.quality;

import dev.autohair.common.image.AwtImages;
import dev.autohair.common.image.RgbImage;
import dev.autohair.pipeline.image.Resampler;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** Real photos used as backgrounds, so matting faces real textures rather than flat colours. */
public final class BackgroundPhotos {

    /** The project's sample photos (see samples/LICENSES.md). */
    public static final List<String> SAMPLE_NAMES = List.of("astronaut.png", "cat.png", "coffee.png", "lemur.png");

    private final List<RgbImage> photos;

    private BackgroundPhotos(List<RgbImage> photos) {
        this.photos = List.copyOf(photos);
    }

    /**
     * Loads {@link #SAMPLE_NAMES} from {@code directory}.
     *
     * @throws IOException naming the missing file and how to point at the samples folder
     */
    public static BackgroundPhotos load(Path directory) throws IOException {
        List<RgbImage> photos = new ArrayList<>();
        for (String name : SAMPLE_NAMES) {
            Path file = directory.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new IOException("background photo " + file.toAbsolutePath() + " not found: run from the"
                        + " repository root or pass the folder holding the sample photos (--samples DIR)");
            }
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new IOException("background photo " + file.toAbsolutePath() + " is not a readable image");
            }
            photos.add(AwtImages.rgb(image));
        }
        return new BackgroundPhotos(photos);
    }

    public int count() {
        return photos.size();
    }

    /** Photo {@code index} (modulo the count), scaled to cover width×height and centre-cropped. */
    public RgbImage covering(int index, int width, int height) {
        RgbImage photo = photos.get(Math.floorMod(index, photos.size()));
        double scale = Math.max(width / (double) photo.width(), height / (double) photo.height());
        int scaledWidth = Math.max(width, (int) Math.round(photo.width() * scale));
        int scaledHeight = Math.max(height, (int) Math.round(photo.height() * scale));
        float[] scaled = Resampler.resize(photo.rgb(), photo.width(), photo.height(), 3, scaledWidth, scaledHeight);
        int x0 = (scaledWidth - width) / 2;
        int y0 = (scaledHeight - height) / 2;
        float[] out = new float[3 * width * height];
        for (int y = 0; y < height; y++) {
            System.arraycopy(scaled, 3 * ((y + y0) * scaledWidth + x0), out, 3 * y * width, 3 * width);
        }
        return new RgbImage(width, height, out);
    }
}
