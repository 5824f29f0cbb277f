package dev.autohair.pipeline.matting.flow;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.common.image.Trimap;
import dev.autohair.pipeline.matting.AlphaMatting;
import dev.autohair.pipeline.matting.ClosedFormMatting;
import dev.autohair.pipeline.matting.MaskPrior;
import dev.autohair.pipeline.matting.MattingInput;
import dev.autohair.pipeline.matting.MattingSystem;
import dev.autohair.pipeline.matting.UnconstrainedMatteException;

/**
 * Information-flow matting (Aksoy, Aydın, Pollefeys, "Designing Effective Inter-Pixel Information
 * Flow for Natural Image Matting", CVPR 2017): alpha minimises, over the trimap's unknown pixels
 * with the known pixels as constraints,
 *
 * <pre>
 *   E_cm + sigma_ku E_ku + sigma_uu E_uu + sigma_l E_l
 * </pre>
 *
 * the colour-mixture flow ({@link ColourMixtureFlow}), the K-to-U flow with its per-pixel
 * confidence ({@link KnownToUnknownFlow}), the intra-U flow ({@link IntraUnknownFlow}) and the
 * local flow (the matting Laplacian, built by {@link MattingSystem}). The quadratic is solved by
 * conjugate gradients preconditioned by block symmetric Gauss-Seidel ({@link FlowSystem}) from the K-to-U estimate.
 *
 * <p>Cost follows the unknown band: neighbours are found with k-d trees over the unknowns and
 * the known pixels within {@link Options#knownMargin()} of them, and the system holds
 * O(unknowns × K) entries. Thread-safe and stateless.
 */
public final class InformationFlowMatting implements AlphaMatting {

    /**
     * @param colourMixtureNeighbours K of the colour-mixture flow (paper: 20)
     * @param knownToUnknownNeighbours K of the K-to-U flow, from each of foreground and background (paper: 7)
     * @param intraUnknownNeighbours K of the intra-U flow (paper: 5)
     * @param sigmaKu weight of the K-to-U flow (paper: 0.05)
     * @param sigmaUu weight of the intra-U flow (paper: 0.01)
     * @param sigmaLocal weight of the local flow (paper: 1)
     * @param colourMixtureSpatial spatial scale s of the colour-mixture features (paper: 1)
     * @param knownToUnknownSpatial spatial scale s of the K-to-U features
     * @param intraUnknownSpatial spatial scale s of the intra-U features (paper: 1/20)
     * @param lleRegularisation locally-linear-embedding regulariser, relative to the Gram matrix's trace
     * @param knownMargin known pixels within this many pixels of the band may be neighbours
     * @param knownRowMargin known pixels within this many pixels of the band also get a
     *     colour-mixture row (0: unknown rows only; at most knownMargin)
     * @param epsilon regulariser of the matting Laplacian's window covariances
     * @param tolerance relative residual at which conjugate gradients stop
     * @param maxIterations cap on conjugate-gradient iterations
     */
    public record Options(int colourMixtureNeighbours, int knownToUnknownNeighbours, int intraUnknownNeighbours,
            double sigmaKu, double sigmaUu, double sigmaLocal, double colourMixtureSpatial,
            double knownToUnknownSpatial, double intraUnknownSpatial, double lleRegularisation, int knownMargin,
            int knownRowMargin, double epsilon, double tolerance, int maxIterations) {

        public Options {
            if (colourMixtureNeighbours < 1 || knownToUnknownNeighbours < 1 || intraUnknownNeighbours < 0) {
                throw new IllegalArgumentException("neighbour counts must be >= 1 (intra-U >= 0)");
            }
            if (sigmaKu < 0 || sigmaUu < 0 || sigmaLocal < 0) {
                throw new IllegalArgumentException("flow weights must not be negative");
            }
            if (!(lleRegularisation > 0) || !(epsilon > 0) || knownMargin < 1) {
                throw new IllegalArgumentException("lleRegularisation and epsilon must be positive, knownMargin >= 1");
            }
            if (knownRowMargin < 0 || knownRowMargin > knownMargin) {
                throw new IllegalArgumentException("knownRowMargin must be in [0, knownMargin], got " + knownRowMargin);
            }
            if (!(tolerance > 0 && tolerance < 1) || maxIterations < 1) {
                throw new IllegalArgumentException("tolerance must be in (0, 1) and maxIterations >= 1");
            }
        }

        /**
         * The paper's neighbour counts, with the flows weighed for the project's composites
         * (hair, curls, fur, product edges over photos; tuned on seeds 1-3 at 640x480, checked on
         * seeds 4-6): the paper's sigma_ku 0.05, sigma_l 1 and colour-mixture spatial scale 1
         * lost to closed-form on fur and product edges (+25 %), where the strands' colours recur
         * in the background photo, so the local flow is weighed 10x, K-to-U 0.01 and the
         * colour-mixture neighbours are kept 10x closer in space.
         */
        public static Options defaults() {
            return new Options(20, 7, 5, 0.01, 0.01, 10, 10, 10, 1.0 / 20, 1e-3, 10, 0, 1e-7, 1e-5, 2_000);
        }

        /** The parameters the paper reports (Aksoy et al. 2017), for comparison. */
        public static Options paper() {
            return new Options(20, 7, 5, 0.05, 0.01, 1, 1, 10, 1.0 / 20, 1e-3, 10, 0, 1e-7, 1e-5, 2_000);
        }

        public Options withSigmas(double ku, double uu, double local) {
            return new Options(colourMixtureNeighbours, knownToUnknownNeighbours, intraUnknownNeighbours, ku, uu,
                    local, colourMixtureSpatial, knownToUnknownSpatial, intraUnknownSpatial, lleRegularisation,
                    knownMargin, knownRowMargin, epsilon, tolerance, maxIterations);
        }

        public Options withKnownMargin(int value) {
            return new Options(colourMixtureNeighbours, knownToUnknownNeighbours, intraUnknownNeighbours, sigmaKu,
                    sigmaUu, sigmaLocal, colourMixtureSpatial, knownToUnknownSpatial, intraUnknownSpatial,
                    lleRegularisation, value, Math.min(value, knownRowMargin), epsilon, tolerance,
                    maxIterations);
        }

        public Options withKnownRowMargin(int value) {
            return new Options(colourMixtureNeighbours, knownToUnknownNeighbours, intraUnknownNeighbours, sigmaKu,
                    sigmaUu, sigmaLocal, colourMixtureSpatial, knownToUnknownSpatial, intraUnknownSpatial,
                    lleRegularisation, knownMargin, value, epsilon, tolerance, maxIterations);
        }

        public Options withTolerance(double value) {
            return new Options(colourMixtureNeighbours, knownToUnknownNeighbours, intraUnknownNeighbours, sigmaKu,
                    sigmaUu, sigmaLocal, colourMixtureSpatial, knownToUnknownSpatial, intraUnknownSpatial,
                    lleRegularisation, knownMargin, knownRowMargin, epsilon, value, maxIterations);
        }
    }

    /**
     * A matte with what it took: unknowns solved, known pixels that could be neighbours, the
     * operator's stored non-zeros, and the solver's iterations and final relative residual.
     */
    public record Result(Matte matte, int unknowns, int knownNeighbours, long nonZeros, int iterations,
            double relativeResidual) {}

    /** The prior applied when a mask is passed: closed-form's, {@link ClosedFormMatting#DEFAULT_PRIOR}. */
    public static final MaskPrior DEFAULT_PRIOR = ClosedFormMatting.DEFAULT_PRIOR;

    private final Options options;
    private final MaskPrior prior;

    public InformationFlowMatting() {
        this(Options.defaults());
    }

    /** These options and {@link #DEFAULT_PRIOR} (used only when a mask is passed). */
    public InformationFlowMatting(Options options) {
        this(options, DEFAULT_PRIOR);
    }

    /** @param prior how strongly a mask passed to {@link #estimate(RgbImage, Trimap, Matte)} pulls alpha */
    public InformationFlowMatting(Options options, MaskPrior prior) {
        this.options = java.util.Objects.requireNonNull(options, "options");
        this.prior = java.util.Objects.requireNonNull(prior, "mask prior");
    }

    public Options options() {
        return options;
    }

    public MaskPrior prior() {
        return prior;
    }

    @Override
    public String name() {
        return "information-flow";
    }

    @Override
    public Matte estimate(RgbImage image, Trimap trimap) {
        return solve(image, trimap).matte();
    }

    /**
     * With a mask, alpha also minimises the {@link MaskPrior} term (weighed against the local
     * flow as closed-form weighs it against the same matting Laplacian); a null mask is plain
     * information-flow matting.
     */
    @Override
    public Matte estimate(RgbImage image, Trimap trimap, Matte mask) {
        return solve(image, trimap, mask).matte();
    }

    /**
     * Like {@link #estimate} but also reports the system's size and the solve.
     *
     * @throws UnconstrainedMatteException when no pixel is known, or the image is smaller than 3x3
     */
    public Result solve(RgbImage image, Trimap trimap) {
        return solve(image, trimap, null);
    }

    /** Like {@link #estimate(RgbImage, Trimap, Matte)} but also reports the system's size and the solve. */
    public Result solve(RgbImage image, Trimap trimap, Matte mask) {
        MattingInput.requireMatching(image, java.util.Objects.requireNonNull(trimap, "trimap"), mask);
        float[] alpha = new float[trimap.labels().length];
        for (int i = 0; i < alpha.length; i++) {
            alpha[i] = trimap.isForeground(i) ? 1f : 0f;
        }
        if (trimap.unknownCount() == 0) {
            return new Result(new Matte(trimap.width(), trimap.height(), alpha), 0, 0, 0, 0, 0);
        }
        MattingSystem local = MattingSystem.build(image, trimap, options.epsilon());
        Band band = Band.of(trimap, options.knownMargin());
        ColourMixtureFlow cm = ColourMixtureFlow.compute(image, band, options.colourMixtureNeighbours(),
                options.colourMixtureSpatial(), options.lleRegularisation(), options.knownRowMargin());
        KnownToUnknownFlow ku = KnownToUnknownFlow.compute(image, band, options.knownToUnknownNeighbours(),
                options.knownToUnknownSpatial(), options.lleRegularisation());
        IntraUnknownFlow uu = IntraUnknownFlow.compute(image, band, options.intraUnknownNeighbours(),
                options.intraUnknownSpatial());
        float[] priorWeight = null;
        float[] priorTarget = null;
        if (mask != null && !prior.isOff()) {
            float[] weight = prior.weights(mask).alpha();
            int[] pixels = band.unknownPixel();
            priorWeight = new float[pixels.length];
            priorTarget = new float[pixels.length];
            for (int i = 0; i < pixels.length; i++) {
                priorWeight[i] = weight[pixels[i]];
                priorTarget[i] = Math.max(0f, Math.min(1f, mask.alpha()[pixels[i]]));
            }
        }
        FlowSystem system = FlowSystem.build(local, cm, ku, uu, options.sigmaKu(), options.sigmaUu(),
                options.sigmaLocal(), priorWeight, priorTarget);
        double[] x = ku.target.clone();
        FlowConjugateGradient.Stats stats = FlowConjugateGradient.solve(system, x, options.tolerance(),
                options.maxIterations());
        int[] unknownPixel = band.unknownPixel();
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            alpha[unknownPixel[i]] = (float) (v < 0 ? 0 : v > 1 ? 1 : v);
        }
        return new Result(new Matte(trimap.width(), trimap.height(), alpha), band.unknowns(), band.knownCount(),
                system.nonZeros(), stats.iterations(), stats.relativeResidual());
    }
}
