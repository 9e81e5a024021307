// The confidence model's coefficients, written by `npm run calibrate` (tools/calibrate.ts): do not edit by
// hand; re-run it after the readers change. A logistic regression of "the answer is right" on the signals
// of ./signals.ts (docs/confidence.md): the rules reading's probability is
// 1 / (1 + e^-(intercept + Σ weight × signal)).
// Fitted on 4315 answers that read an appointment (own 942, sgd 1883, massive 1490); mean log-loss 0.2299.
import type { Signals } from "./signals.js";

export interface ConfidenceModel {
  intercept: number;
  weights: Signals;
}

export const CONFIDENCE_MODEL: ConfidenceModel = {
  intercept: 4.0234,
  weights: {
    complete: 1.4005, // odds × 4.06
    noDate: -0.934, // odds × 0.39
    noTime: -0.9942, // odds × 0.37
    ambiguous: -1, // odds × 0.37
    invalid: -1, // odds × 0.37
    unread: -1.7594, // odds × 0.17
    contradiction: -1, // odds × 0.37
    bareNumber: -1, // odds × 0.37
    defaultClock: -1, // odds × 0.37
    chronoDate: -1, // odds × 0.37
    weakCue: -1, // odds × 0.37
    dropped: -1, // odds × 0.37
    place: -1.5343, // odds × 0.22
    lowerCaseName: -1, // odds × 0.37
    conversation: 0.179, // odds × 1.20
    notBooking: -0.9159, // odds × 0.40
  },
};
