// The confidence model's coefficients, written by `npm run calibrate` (tools/calibrate.ts): do not edit by
// hand; re-run it after the readers change. A logistic regression of "the answer is right" on the signals
// of ./signals.ts (docs/confidence.md): the rules reading's probability is
// 1 / (1 + e^-(intercept + Σ weight × signal)).
// Fitted on 3440 answers that read an appointment (own 601, sgd 1883, massive 956); mean log-loss 0.2069.
import type { Signals } from "./signals.js";

export interface ConfidenceModel {
  intercept: number;
  weights: Signals;
}

export const CONFIDENCE_MODEL: ConfidenceModel = {
  intercept: 3.6537,
  weights: {
    complete: 1, // odds × 2.72
    noDate: -1.4443, // odds × 0.24
    noTime: -0.9876, // odds × 0.37
    ambiguous: -1, // odds × 0.37
    invalid: -1, // odds × 0.37
    unread: -1.7342, // odds × 0.18
    contradiction: -1, // odds × 0.37
    bareNumber: -1, // odds × 0.37
    defaultClock: -1, // odds × 0.37
    chronoDate: -1, // odds × 0.37
    weakCue: -1, // odds × 0.37
    dropped: -1, // odds × 0.37
    place: -1.8608, // odds × 0.16
    lowerCaseName: -1, // odds × 0.37
    conversation: 0.9778, // odds × 2.66
    notBooking: -0.6377, // odds × 0.53
  },
};
