// A logistic regression fitted by Newton's method (iteratively reweighted least squares) with a small ridge
// penalty, deterministic and exact: the same answers give the same coefficients to the last digit. Signs
// can be constrained: a signal the design says lowers confidence is held at or below -minimumEffect (and
// one that raises it at or above +minimumEffect) by fixing it at that bound and refitting the rest, so a
// signal too rare in the data to show its effect still moves the confidence the way it was designed to.

export interface FitOptions {
  /** Ridge penalty on the weights (not the intercept), in the log-likelihood's units. */
  penalty: number;
  /** Per weight: -1 must not raise, +1 must not lower, 0 free. */
  signs: readonly (-1 | 0 | 1)[];
  minimumEffect: number;
}

export interface Fit {
  intercept: number;
  weights: number[];
  /** Mean log-loss over the rows, for the report. */
  logLoss: number;
}

export function fitLogistic(rows: readonly number[][], labels: readonly boolean[], options: FitOptions): Fit {
  const width = rows[0]?.length ?? 0;
  const fixed = new Map<number, number>();
  let beta = new Array<number>(width + 1).fill(0);
  for (let round = 0; round <= width; round++) {
    beta = newton(rows, labels, options.penalty, fixed, beta);
    let violated = false;
    for (let index = 0; index < width; index++) {
      const sign = options.signs[index] ?? 0;
      const weight = beta[index + 1]!;
      if (fixed.has(index) || sign === 0 || sign * weight >= options.minimumEffect) continue;
      fixed.set(index, sign * options.minimumEffect);
      violated = true;
    }
    if (!violated) break;
  }
  const logLoss =
    rows.reduce((sum, row, index) => {
      const p = sigmoid(linear(beta, row));
      return sum - Math.log(Math.max(1e-12, labels[index] ? p : 1 - p));
    }, 0) / Math.max(1, rows.length);
  return { intercept: beta[0]!, weights: beta.slice(1), logLoss };
}

export function sigmoid(value: number): number {
  return 1 / (1 + Math.exp(-value));
}

function linear(beta: readonly number[], row: readonly number[]): number {
  return row.reduce((sum, value, index) => sum + beta[index + 1]! * value, beta[0]!);
}

/** Newton iterations on the free coefficients (the intercept is always free), from `start`. */
function newton(
  rows: readonly number[][],
  labels: readonly boolean[],
  penalty: number,
  fixed: ReadonlyMap<number, number>,
  start: readonly number[],
): number[] {
  const beta = start.map((value, index) =>
    index > 0 && fixed.has(index - 1) ? fixed.get(index - 1)! : value,
  );
  const free = beta.map((_, index) => index).filter((index) => index === 0 || !fixed.has(index - 1));
  for (let iteration = 0; iteration < 50; iteration++) {
    const gradient = new Array<number>(free.length).fill(0);
    const hessian = free.map(() => new Array<number>(free.length).fill(0));
    rows.forEach((row, rowIndex) => {
      const p = sigmoid(linear(beta, row));
      const x = free.map((index) => (index === 0 ? 1 : row[index - 1]!));
      const residual = (labels[rowIndex] ? 1 : 0) - p;
      const weight = p * (1 - p);
      for (let i = 0; i < free.length; i++) {
        gradient[i]! += residual * x[i]!;
        for (let j = 0; j < free.length; j++) hessian[i]![j]! += weight * x[i]! * x[j]!;
      }
    });
    free.forEach((index, i) => {
      if (index === 0) return;
      gradient[i]! -= penalty * beta[index]!;
      hessian[i]![i]! += penalty;
    });
    const step = solve(hessian, gradient);
    let largest = 0;
    free.forEach((index, i) => {
      beta[index]! += step[i]!;
      largest = Math.max(largest, Math.abs(step[i]!));
    });
    if (largest < 1e-10) break;
  }
  return beta;
}

/** Gaussian elimination with partial pivoting; the ridge keeps the system well posed. */
function solve(matrix: number[][], vector: number[]): number[] {
  const size = vector.length;
  const a = matrix.map((row, index) => [...row, vector[index]!]);
  for (let column = 0; column < size; column++) {
    let pivot = column;
    for (let row = column + 1; row < size; row++) {
      if (Math.abs(a[row]![column]!) > Math.abs(a[pivot]![column]!)) pivot = row;
    }
    [a[column], a[pivot]] = [a[pivot]!, a[column]!];
    const head = a[column]![column]!;
    if (Math.abs(head) < 1e-12) continue;
    for (let row = 0; row < size; row++) {
      if (row === column) continue;
      const factor = a[row]![column]! / head;
      for (let k = column; k <= size; k++) a[row]![k]! -= factor * a[column]![k]!;
    }
  }
  return a.map((row, index) => (Math.abs(row[index]!) < 1e-12 ? 0 : row[size]! / row[index]!));
}
