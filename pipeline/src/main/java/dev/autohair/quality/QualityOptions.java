package dev.autohair.quality;

import dev.autohair.pipeline.matting.AlphaMatting;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;

/** Command-line options of the quality report. */
record QualityOptions(String mattingClass, Path samples, int width, int height, long seed) {

    static final String DEFAULT_MATTING = "dev.autohair.pipeline.matting.ClosedFormMatting";
    static final String USAGE = "usage: quality [--matting=CLASS] [--samples=DIR] [--size=WIDTHxHEIGHT] [--seed=N]";

    static QualityOptions parse(String[] args) {
        String matting = DEFAULT_MATTING;
        Path samples = Path.of("samples");
        int width = 640;
        int height = 480;
        long seed = 1;
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            if (kv.length != 2 || !kv[0].startsWith("--")) {
                throw new IllegalArgumentException("unrecognised argument '" + arg + "'; " + USAGE);
            }
            try {
                switch (kv[0]) {
                    case "--matting" -> matting = kv[1];
                    case "--samples" -> samples = Path.of(kv[1]);
                    case "--seed" -> seed = Long.parseLong(kv[1]);
                    case "--size" -> {
                        String[] wh = kv[1].toLowerCase(java.util.Locale.ROOT).split("x");
                        if (wh.length != 2) {
                            throw new IllegalArgumentException("--size must look like 640x480, got '" + kv[1] + "'");
                        }
                        width = Integer.parseInt(wh[0]);
                        height = Integer.parseInt(wh[1]);
                    }
                    default -> throw new IllegalArgumentException("unknown option " + kv[0] + "; " + USAGE);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("option " + kv[0] + " needs a number, got '" + kv[1] + "'", e);
            }
        }
        return new QualityOptions(matting, samples, width, height, seed);
    }

    /** The matting class by name, so the report runs with any implementation on the classpath. */
    AlphaMatting instantiateMatting() {
        try {
            Class<?> type = Class.forName(mattingClass);
            if (!AlphaMatting.class.isAssignableFrom(type)) {
                throw new IllegalArgumentException(mattingClass + " does not implement " + AlphaMatting.class.getName());
            }
            return (AlphaMatting) type.getConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("matting class " + mattingClass
                    + " is not on the classpath; pass --matting=CLASS naming an AlphaMatting implementation", e);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new IllegalArgumentException("matting class " + mattingClass
                    + " needs a public no-argument constructor", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("constructing " + mattingClass + " failed: " + e.getCause(), e.getCause());
        }
    }
}
