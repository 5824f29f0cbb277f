package dev.autohair.pipeline.matting;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.common.image.Trimap;
import java.util.Objects;

/**
 * Closed-form matting (Levin, Lischinski, Weiss, "A Closed-Form Solution to Natural Image
 * Matting", PAMI 2008): alpha minimises alpha' L alpha under the trimap's known values, L being
 * the matting Laplacian over 3x3 windows. Only the unknown pixels are solved, L_uu a_u = -L_uk a_k.
 *
 * <p>Solver: conjugate gradients preconditioned with block incomplete Cholesky, started from the
 * solution of the same problem at half resolution (recursively) brought up through the image's
 * colours ({@link GuidedUpsampling}), or on a thin band from a ramp across it ({@link DistanceRamp}),
 * stopped on relative residual. Thread-safe and stateless:
 * one instance can serve concurrent calls.
 *
 * <p>Given a segmentation mask ({@link #estimate(RgbImage, Trimap, Matte)}), alpha also minimises
 * the {@link MaskPrior} term, which pulls it towards the mask where the mask is sure; without one
 * the solve is exactly the one above.
 *
 * <p>Degenerate trimaps: no unknown pixel returns the trimap as the matte; unknown pixels with
 * no known pixel anywhere throw {@link UnconstrainedMatteException}. (Any unknown region of an
 * image that is not all unknown touches a known pixel, so nothing else can be unanchored.)
 */
public final class ClosedFormMatting implements AlphaMatting {

    public enum Preconditioning { NONE, JACOBI, INCOMPLETE_CHOLESKY }

    /**
     * @param epsilon regulariser of the window colour covariances (pymatting's default 1e-7)
     * @param tolerance relative residual ||b - Ax|| / ||b|| at which the finest level stops
     * @param maxIterations cap on conjugate-gradient iterations per level
     * @param coarseToFine start from the half-resolution solution
     * @param coarsestUnknowns below this many unknowns a level is solved directly, with no coarser level
     * @param preconditioning preconditioner of the conjugate gradients
     * @param settleAbove a level with more unknowns than this solves only the pixels its coarse
     *     solution has not settled ({@link Pyramid#settledBy}); the rest keep that 0 or 1
     * @param guidedStart a level starts from its coarse solution upsampled through the image's
     *     colours ({@link GuidedUpsampling}) rather than bilinearly ({@link Pyramid#doubledOnto})
     */
    public record Options(double epsilon, double tolerance, int maxIterations, boolean coarseToFine,
            int coarsestUnknowns, Preconditioning preconditioning, int settleAbove, boolean guidedStart) {

        public Options {
            if (!(epsilon > 0)) {
                throw new IllegalArgumentException("epsilon must be positive, got " + epsilon);
            }
            if (!(tolerance > 0 && tolerance < 1)) {
                throw new IllegalArgumentException("tolerance must be in (0, 1), got " + tolerance);
            }
            if (maxIterations < 1 || coarsestUnknowns < 0 || settleAbove < 0) {
                throw new IllegalArgumentException(
                        "maxIterations must be >= 1, coarsestUnknowns and settleAbove >= 0");
            }
        }

        /**
         * epsilon 1e-7 as pymatting; tolerance 2e-5, where the matte is as close to a fully
         * converged one (1e-8) as it was at 3e-5 before the incomplete Cholesky kept its seams'
         * couplings: a preconditioner changes how far a residual leaves the matte from the answer
         * (lemur SAD to converged 39 at 3e-5 then, 44 at 3e-5 and 17 at 2e-5 now, at most two 8-bit
         * levels; horse010 2.0, 2.8, 1.3); IC. Coarse-to-fine above 4 000 unknowns,
         * on bands deep enough to need it ({@link #COARSE_BAND_DEPTH}). Settling above 2 M
         * unknowns, ~500 MB of system: no band of the quality grid or the benchmarks' images up to
         * 8 MP reaches it, so their mattes are the whole solve; a 40 MP photo's band does, where
         * the whole solve would hold ~2.7 GB. The guided start: 17-33 % fewer fine iterations on
         * deep bands (hair, curls, fur at 0.5-2 MP; hair at 8 MP 8 % more), at an error to the
         * truth as low or lower.
         */
        public static Options defaults() {
            return new Options(1e-7, 2e-5, 10_000, true, 4_000, Preconditioning.INCOMPLETE_CHOLESKY, 2_000_000,
                    true);
        }

        public Options withEpsilon(double value) {
            return new Options(value, tolerance, maxIterations, coarseToFine, coarsestUnknowns, preconditioning, settleAbove, guidedStart);
        }

        public Options withTolerance(double value) {
            return new Options(epsilon, value, maxIterations, coarseToFine, coarsestUnknowns, preconditioning, settleAbove, guidedStart);
        }

        public Options withCoarseToFine(boolean value) {
            return new Options(epsilon, tolerance, maxIterations, value, coarsestUnknowns, preconditioning, settleAbove, guidedStart);
        }

        public Options withSettleAbove(int value) {
            return new Options(epsilon, tolerance, maxIterations, coarseToFine, coarsestUnknowns, preconditioning, value, guidedStart);
        }

        public Options withGuidedStart(boolean value) {
            return new Options(epsilon, tolerance, maxIterations, coarseToFine, coarsestUnknowns, preconditioning, settleAbove, value);
        }

        public Options withPreconditioning(Preconditioning value) {
            return new Options(epsilon, tolerance, maxIterations, coarseToFine, coarsestUnknowns, value, settleAbove, guidedStart);
        }
    }

    /**
     * A matte with what it took: unknowns solved and iterations at the finest level, its final
     * relative residual, and how many levels were solved (1 = no coarse start).
     */
    public record Result(Matte matte, int unknowns, int iterations, double relativeResidual, int levels) {}

    /** The prior applied when a mask is passed: {@link MaskPrior#defaults()}. */
    public static final MaskPrior DEFAULT_PRIOR = MaskPrior.defaults();

    /**
     * Coarse-to-fine only where the band is at least this deep: unknowns per unknown pixel that
     * touches a known one, about half the band's mean width. CG carries information a few
     * pixels per iteration, so a thin band (every unknown near a known pixel) converges from
     * zero in a few dozen iterations, and a coarse level (an image-wide halving, its own system,
     * factor and solve) costs more than it saves. Measured: rembg-rule outlines of the 12
     * labelled photos and product-edge composites are 2.5-5.3 deep, and their solves were
     * 10-50 % faster without the coarse level at an error to the converged matte as often lower
     * as higher; lemur (16 deep) needs 40 % fewer fine iterations with it, hair and curls
     * (7-8 deep) 10-30 % fewer. A thinner band starts from {@link DistanceRamp} instead.
     */
    static final double COARSE_BAND_DEPTH = 6;

    /**
     * A solve from the {@link DistanceRamp} stops at this fraction of the tolerance. The ramp is
     * closer to the answer in residual than along the Laplacian's smoothest directions, which the
     * residual barely sees, so at the same residual it leaves a matte further from the converged
     * one than a zero start does (labelled outlines, 8-bit SAD to a 1e-10 solve: banana2 0.0023 k
     * against 0.0013, horse010 0.0019 against 0.0011). At half the tolerance it is as close as the
     * zero start on 11 of the 12 outlines, and in fewer iterations on 10 (horse010 40 against 54,
     * banana2 47 against 54; horse001 and sheep one more).
     */
    static final double RAMP_TOLERANCE_SCALE = 0.5;

    /** Coarse levels stop here (or at the fine tolerance if looser): on lemur 1e-4 beat 1e-3 and 1e-2. */
    private static final double COARSE_TOLERANCE = 1e-4;

    private final Options options;
    private final MaskPrior prior;

    /** Default options and {@link #DEFAULT_PRIOR} (used only when a mask is passed). */
    public ClosedFormMatting() {
        this(Options.defaults());
    }

    public ClosedFormMatting(Options options) {
        this(options, DEFAULT_PRIOR);
    }

    /** @param prior how strongly a mask passed to {@link #estimate(RgbImage, Trimap, Matte)} pulls alpha */
    public ClosedFormMatting(Options options, MaskPrior prior) {
        this.options = options;
        this.prior = Objects.requireNonNull(prior, "mask prior");
    }

    public Options options() {
        return options;
    }

    public MaskPrior prior() {
        return prior;
    }

    @Override
    public String name() {
        return "closed-form";
    }

    @Override
    public Matte estimate(RgbImage image, Trimap trimap) {
        return solve(image, trimap).matte();
    }

    /** With a mask, alpha also minimises the {@link MaskPrior} term; a null mask is plain matting. */
    @Override
    public Matte estimate(RgbImage image, Trimap trimap, Matte mask) {
        return solve(image, trimap, mask).matte();
    }

    /** Like {@link #estimate} but also reports the solve. */
    public Result solve(RgbImage image, Trimap trimap) {
        return solve(image, trimap, null);
    }

    /** Like {@link #estimate(RgbImage, Trimap, Matte)} but also reports the solve. */
    public Result solve(RgbImage image, Trimap trimap, Matte mask) {
        MattingInput.requireMatching(image, Objects.requireNonNull(trimap, "trimap"), mask);
        // the field goes straight to the level, which drops it once its system holds it
        return solveLevel(image, trimap, mask == null || prior.isOff() ? null : prior.field(mask), options.tolerance(),
                true);
    }

    /** @param finest the level the caller asked for, not a coarse level solved only as its start */
    private Result solveLevel(RgbImage image, Trimap trimap, PriorField field, double tolerance, boolean finest) {
        int unknowns = trimap.unknownCount();
        if (unknowns == 0) {
            return new Result(new Matte(trimap.width(), trimap.height(), knownAlpha(trimap)), 0, 0, 0, 0);
        }
        // the coarse levels are solved and dropped before this level's system exists, and the
        // full-size alpha is allocated only once the solve is done: at 40 MP the system is the
        // largest object alive, and each of these would have sat beside it
        boolean thin = bandDepth(trimap) < COARSE_BAND_DEPTH;
        // a thin coarse level (of a deep band) did as well from zero, and a tighter stop there only cost time
        boolean ramp = thin && finest;
        Result coarse = thin ? null : coarseSolution(image, trimap, unknowns, field, tolerance);
        Trimap solved = coarse != null && unknowns > options.settleAbove()
                ? Pyramid.settledBy(coarse.matte(), trimap) : trimap;
        int solving = solved == trimap ? unknowns : solved.unknownCount(); // a count is a pass over the image
        if (solving == 0) { // the coarse matte settled every pixel
            return new Result(new Matte(trimap.width(), trimap.height(), knownAlpha(solved)), 0, 0, 0,
                    1 + coarse.levels());
        }
        MattingSystem system = MattingSystem.build(image, solved, options.epsilon(), field);
        field = null; // its full-size weights are in the system now
        double[] x = coarse != null ? options.guidedStart() ? GuidedUpsampling.onto(coarse.matte(), image, system)
                : Pyramid.doubledOnto(coarse.matte(), system)
                : ramp ? DistanceRamp.onto(solved, system) : system.newVector();
        int levels = coarse == null ? 1 : 1 + coarse.levels();
        coarse = null;
        ConjugateGradient.Stats stats = ConjugateGradient.solve(system, preconditioner(system), x,
                ramp ? tolerance * RAMP_TOLERANCE_SCALE : tolerance, options.maxIterations());
        int[] unknownPixel = system.unknownPixel;
        int[] unknownExt = system.unknownExt;
        system = null; // its stencil is the largest object alive: let it go before the full-size alpha exists
        float[] alpha = knownAlpha(solved);
        MattingSystem.scatter(x, unknownExt, unknownPixel, alpha);
        return new Result(new Matte(trimap.width(), trimap.height(), alpha), solving, stats.iterations(),
                stats.relativeResidual(), levels);
    }

    /** The half-resolution solution of a deep band, or null when the level is small enough to solve directly. */
    private Result coarseSolution(RgbImage image, Trimap trimap, int unknowns, PriorField field, double tolerance) {
        if (!options.coarseToFine() || unknowns <= options.coarsestUnknowns()
                || image.width() < 16 || image.height() < 16) {
            return null;
        }
        Trimap coarseTrimap = Pyramid.halve(trimap);
        int coarseUnknowns = coarseTrimap.unknownCount();
        if (coarseUnknowns == coarseTrimap.labels().length) {
            return null; // halving swallowed every known pixel: nothing to anchor a coarse guess
        }
        return solveLevel(Pyramid.halve(image), coarseTrimap, field == null ? null : field.halve(),
                Math.max(tolerance, COARSE_TOLERANCE), false);
    }

    /** Unknown pixels per unknown pixel with a known 8-neighbour (infinite when none has one). */
    static double bandDepth(Trimap trimap) {
        int w = trimap.width();
        int h = trimap.height();
        // near[y % 3][x]: a known pixel among row y's columns x - 1 .. x + 1, for three rows at a time
        boolean[][] near = new boolean[3][w];
        knownNear(trimap, 0, near[0]);
        int unknowns = 0;
        int touching = 0;
        for (int y = 0; y < h; y++) {
            if (y + 1 < h) {
                knownNear(trimap, y + 1, near[(y + 1) % 3]);
            }
            boolean[] above = near[(y + 2) % 3]; // row y - 1, or stale but unread at y = 0
            boolean[] row = near[y % 3];
            boolean[] below = near[(y + 1) % 3];
            for (int x = 0; x < w; x++) {
                if (trimap.isUnknown(y * w + x)) {
                    unknowns++;
                    if (row[x] || (y > 0 && above[x]) || (y + 1 < h && below[x])) {
                        touching++;
                    }
                }
            }
        }
        return touching == 0 ? Double.POSITIVE_INFINITY : (double) unknowns / touching;
    }

    private static void knownNear(Trimap trimap, int y, boolean[] near) {
        int w = trimap.width();
        for (int x = 0; x < w; x++) {
            boolean known = !trimap.isUnknown(y * w + x);
            near[x] = known || (x > 0 && !trimap.isUnknown(y * w + x - 1))
                    || (x + 1 < w && !trimap.isUnknown(y * w + x + 1));
        }
    }

    private Preconditioner preconditioner(MattingSystem system) {
        return switch (options.preconditioning()) {
            case NONE -> Preconditioner.identity(system);
            case JACOBI -> Preconditioner.jacobi(system);
            case INCOMPLETE_CHOLESKY -> new IncompleteCholesky(system);
        };
    }

    /** 0 and 1 on the known pixels; unknown pixels are filled in by the solve. */
    private static float[] knownAlpha(Trimap trimap) {
        float[] alpha = new float[trimap.labels().length];
        for (int i = 0; i < alpha.length; i++) {
            alpha[i] = trimap.isForeground(i) ? 1f : 0f;
        }
        return alpha;
    }
}
