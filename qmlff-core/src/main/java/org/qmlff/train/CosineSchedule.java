package org.qmlff.train;

/**
 * Cosine learning-rate decay to 0 over a run: {@code lr_t = lr · ½ (1 + cos(π t / T))} for step index
 * t = 0..T−1 (so the first step uses lr and the rate reaches 0 at t = T, one past the last step).
 *
 * @param lr         initial learning rate, &gt; 0
 * @param totalSteps T, the number of optimiser steps of the whole run, ≥ 1
 */
public record CosineSchedule(double lr, long totalSteps) {
    public CosineSchedule {
        if (!(lr > 0) || Double.isInfinite(lr)) throw new IllegalArgumentException("learning rate must be > 0, got " + lr);
        if (totalSteps < 1) throw new IllegalArgumentException("total steps must be >= 1, got " + totalSteps);
    }

    /** The learning rate of step {@code t}. */
    public double at(long t) {
        return lr * 0.5 * (1 + Math.cos(Math.PI * t / totalSteps));
    }
}
