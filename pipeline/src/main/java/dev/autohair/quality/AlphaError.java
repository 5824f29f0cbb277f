package dev.autohair.quality;

/**
 * How far an estimated matte is from the truth, over some set of pixels, with alpha in [0, 1].
 *
 * @param sad      sum of absolute differences, divided by 1000 (the customary "SAD in thousands")
 * @param mse      mean squared difference per pixel of the set
 * @param gradient Rhemann et al. (2009) gradient error: sum over the set of the squared difference
 *                 of gradient magnitudes, each from first-order Gaussian derivative filters with
 *                 σ = 1.4. Not divided by 1000: the derivative kernels are normalised to give the
 *                 true slope of a linear ramp (1 per pixel for alpha = x), which makes values much
 *                 smaller than, and not comparable to, the Deep Image Matting MATLAB code (it
 *                 L2-normalises its kernels and divides by 1000)
 * @param pixels   how many pixels the set holds
 */
public record AlphaError(double sad, double mse, double gradient, long pixels) {
}
