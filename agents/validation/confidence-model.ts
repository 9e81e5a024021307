// The confidence model's coefficients, written by `npm run calibrate` (tools/calibrate.ts): do not edit by
// hand; re-run it after the readers change. A logistic regression of "the answer is right" on the signals
// of ./signals.ts (docs/confidence.md): the rules reading's probability is
// 1 / (1 + e^-(intercept + Σ weight × signal)).
// Fitted on 3440 answers that read an appointment (own 601, sgd 1883, massive 956); mean log-loss 0.2056.
import type { Signals } from "./signals.js";

export interface ConfidenceModel {
  intercept: number;
  weights: Signals;
}

export const CONFIDENCE_MODEL: ConfidenceModel = {
  intercept: 2.9347,
  weights: {
    complete: 1.1218, // odds × 3.07
    noDate: -1.2739, // odds × 0.28
    noTime: -0.5786, // odds × 0.56
    ambiguous: -0.5, // odds × 0.61
    invalid: -0.5, // odds × 0.61
    unread: -1.6957, // odds × 0.18
    contradiction: -0.5, // odds × 0.61
    bareNumber: -0.5, // odds × 0.61
    defaultClock: -0.5, // odds × 0.61
    chronoDate: -0.5, // odds × 0.61
    weakCue: -0.5, // odds × 0.61
    dropped: -0.5, // odds × 0.61
    place: -1.6885, // odds × 0.18
    lowerCaseName: -0.5, // odds × 0.61
    conversation: 1.2344, // odds × 3.44
    notBooking: -0.5745, // odds × 0.56
  },
};
