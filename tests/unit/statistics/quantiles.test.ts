import { describe, expect, it } from "vitest";
import { quantiles } from "../../../models/statistics/index.ts";

/**
 * Expected quantiles are worked by hand from phe_quantile's rule (R/Quantiles.R; OHID technical
 * guide "Assigning deprivation categories"):
 *   rank     = rank among the N non-missing values, ties get the lowest rank ("min")
 *   quantile = floor((nq + 1) - ceiling(((N + 1) - rank) / (N / nq))), and 0 becomes 1.
 */
describe("quantiles (phe_quantile)", () => {
  const values = [10, 20, 20, 30, 40, 50, null, 60, 70, 80, 90];

  it("assigns quartiles with ties sharing the lower rank", () => {
    // N = 10 non-missing, nq = 4, N / nq = 2.5. Ascending ranks: 10->1, 20->2 (both), 30->4, 40->5,
    // 50->6, 60->7, 70->8, 80->9, 90->10.
    //   rank 1: (11-1)/2.5 = 4.0 -> ceil 4 -> 5-4 = 1      rank 2: 9/2.5 = 3.6 -> 4 -> 1
    //   rank 4: 7/2.5 = 2.8 -> 3 -> 2                      rank 5: 6/2.5 = 2.4 -> 3 -> 2
    //   rank 6: 5/2.5 = 2.0 -> 2 -> 3                      rank 7: 1.6 -> 2 -> 3;  rank 8: 1.2 -> 2 -> 3
    //   rank 9: 0.8 -> 1 -> 4                              rank 10: 0.4 -> 1 -> 4
    expect(quantiles(values, 4)).toEqual([1, 1, 1, 2, 2, 3, null, 3, 3, 4, 4]);
  });

  it("puts the highest values in quantile 1 when inverted", () => {
    // invert: adjusted value = max - value = 90 - value, so 90->0 ranks 1, 80->2, 70->3, 60->4, 50->5,
    // 40->6, 30->7, 20->8 (both), 10->10.
    //   ranks 1, 2 -> 1; rank 3: 8/2.5 = 3.2 -> 4 -> 1; ranks 4, 5 -> 2; ranks 6, 7, 8 -> 3; rank 10 -> 4
    expect(quantiles(values, 4, { invert: true })).toEqual([4, 3, 3, 3, 3, 2, null, 2, 1, 1, 1]);
  });

  it("maps a computed quantile of 0 to 1, as the package does", () => {
    // 17 values into 7 quantiles: N / nq = 17/7 = 2.4285714285714284 in floating point, and for
    // rank 1, 17 / 2.4285714285714284 = 7.000000000000001 -> ceiling 8 -> floor(8 - 8) = 0 -> 1.
    // Other ranks: 2, 3 -> 1; 4, 5 -> 2; 6-8 -> 3; 9, 10 -> 4; 11-13 -> 5; 14, 15 -> 6; 16, 17 -> 7.
    const seventeen = Array.from({ length: 17 }, (_, i) => i + 1);
    expect(quantiles(seventeen, 7)).toEqual([1, 1, 1, 2, 2, 3, 3, 3, 4, 4, 5, 5, 5, 6, 6, 7, 7]);
  });

  it("returns all nulls when there are fewer non-missing values than quantiles", () => {
    // phe_quantile returns NA (with a warning) when num_small_areas < nquantiles.
    expect(quantiles([1, 2, null, 3], 4)).toEqual([null, null, null, null]);
    expect(quantiles([], 5)).toEqual([]);
  });

  it("rejects a non-integer number of quantiles and non-finite values", () => {
    expect(() => quantiles([1, 2, 3], 2.5)).toThrow("quantiles: n must be a whole number of at least 1 (n=2.5)");
    expect(() => quantiles([1, 2, 3], 0)).toThrow("quantiles: n must be a whole number of at least 1 (n=0)");
    expect(() => quantiles([1, Number.POSITIVE_INFINITY], 1)).toThrow(
      "quantiles: values[1] must be a finite number (values[1]=Infinity)",
    );
  });
});
