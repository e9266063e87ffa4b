/**
 * Logistic regression, fitted by Newton's method (IRLS) with an L2 penalty on standardised
 * features. Small (tens of features, thousands of rows), exact and deterministic: the same data
 * always gives the same weights, so the committed model can be regenerated bit for bit.
 */

export interface LogisticModel {
  featureNames: readonly string[];
  means: readonly number[];
  scales: readonly number[];
  weights: readonly number[];
  bias: number;
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function predictProbability(model: LogisticModel, x: ArrayLike<number>): number {
  let z = model.bias;
  for (let k = 0; k < model.weights.length; k++) {
    z += (model.weights[k]! * ((x[k] ?? 0) - model.means[k]!)) / model.scales[k]!;
  }
  return sigmoid(z);
}

/** Solves A x = b for a small symmetric positive-definite A (Gaussian elimination with pivoting). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const p = m[col]![col]!;
    if (Math.abs(p) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r]![col]! / p;
      if (f === 0) continue;
      for (let c = col; c <= n; c++) m[r]![c]! -= f * m[col]![c]!;
    }
  }
  return m.map((row, i) => {
    const d = row[i]!;
    return Math.abs(d) < 1e-12 ? 0 : row[n]! / d;
  });
}

export interface FitOptions {
  /** L2 penalty on the (standardised) weights, not on the bias. */
  l2?: number;
  iterations?: number;
}

export function fitLogistic(featureNames: readonly string[], rows: ArrayLike<number>[], labels: ArrayLike<number>, options: FitOptions = {}): LogisticModel {
  const l2 = options.l2 ?? 1;
  const iterations = options.iterations ?? 50;
  const d = featureNames.length;
  const n = rows.length;
  const means = new Array<number>(d).fill(0);
  const scales = new Array<number>(d).fill(0);
  for (const r of rows) for (let k = 0; k < d; k++) means[k]! += (r[k] ?? 0) / n;
  for (const r of rows) for (let k = 0; k < d; k++) scales[k]! += ((r[k] ?? 0) - means[k]!) ** 2 / n;
  for (let k = 0; k < d; k++) scales[k] = Math.sqrt(scales[k]!) || 1;

  const z = rows.map((r) => Array.from({ length: d + 1 }, (_, k) => (k === d ? 1 : ((r[k] ?? 0) - means[k]!) / scales[k]!)));
  let w = new Array<number>(d + 1).fill(0);
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(d + 1).fill(0);
    const hess = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    for (let i = 0; i < n; i++) {
      const zi = z[i]!;
      let s = 0;
      for (let k = 0; k <= d; k++) s += w[k]! * zi[k]!;
      const p = sigmoid(s);
      const g = p - (labels[i] ?? 0);
      const h = Math.max(p * (1 - p), 1e-9);
      for (let k = 0; k <= d; k++) {
        grad[k]! += g * zi[k]!;
        const hk = h * zi[k]!;
        const row = hess[k]!;
        for (let l = k; l <= d; l++) row[l]! += hk * zi[l]!;
      }
    }
    for (let k = 0; k <= d; k++) for (let l = 0; l < k; l++) hess[k]![l] = hess[l]![k]!;
    for (let k = 0; k < d; k++) {
      grad[k]! += l2 * w[k]!;
      hess[k]![k]! += l2;
    }
    const step = solve(hess, grad);
    w = w.map((v, k) => v - step[k]!);
    if (Math.max(...step.map(Math.abs)) < 1e-10) break;
  }
  return { featureNames: [...featureNames], means, scales, weights: w.slice(0, d), bias: w[d]! };
}
