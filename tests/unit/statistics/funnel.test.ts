import { describe, expect, it } from "vitest";
import {
  type FunnelSignificance,
  proportionFunnel,
  rateFunnel,
  ratioFunnel,
  ratioSignificance,
  wilsonLower,
  wilsonUpper,
  zScore,
} from "../../../models/statistics/index.ts";
import { evenDfChisqCdf, expectMatchesPrinted, expectRelClose } from "./helpers.ts";

/**
 * Expected figures in this file are PHEindicatormethods' own funnel test data,
 * ukhsa-collaboration/PHEindicatormethods, tests/testthat/ (used by testFunnels.R):
 *  - testdata_funnel_prop_outputs.csv (commit 63894a99): proportion funnel, multiplier 100;
 *  - testdata_funnel_ratio_outputs.csv (commit 8ac28e54): expected-event columns of the ratio funnel;
 *  - testdata_funnel_rate_input_funnels.csv (8ac28e54) and testdata_funnel_rate_outputs.csv
 *    (39d5df1f): rate (dsr per 100,000) funnel;
 *  - testdata_funnel_ratio_inputs.csv (commit b79d6448): assign_funnel_significance for ratios.
 * A subset of rows is used; numbers are as printed in the CSVs.
 */

describe("proportionFunnel (sigma_adjustment)", () => {
  // The CSV's baseline is 80.642448%, printed to 6 decimals, so the average it was drawn from
  // is known to +/-5e-7 percentage points; limits move about one-for-one with the average, so
  // each comparison allows that much on top of the CSV's own rounding.
  const average = 0.80642448;
  const averageSlack = 5e-7;
  // Population, Lower2s0025limit, Upper2s0025limit, Lower3s0001limit, Upper3s0001limit
  const rows: ReadonlyArray<[number, string, string, string, string]> = [
    [1, "3.204264", "100", "0", "100"],
    [18, "62.390093", "98.894803", "51.864359", "100"],
    [41, "68.548635", "92.73626", "61.574398", "99.710497"],
    [1008, "78.203374", "83.081521", "76.796814", "84.488082"],
    [110000, "80.408963", "80.875933", "80.274317", "81.010578"],
  ];

  it("reproduces the package's funnel limits for proportions (as percentages)", () => {
    for (const [population, lower95, upper95, lower998, upper998] of rows) {
      const at95 = proportionFunnel(average, population, { multiplier: 100 });
      expectMatchesPrinted(at95.lower, lower95, averageSlack);
      expectMatchesPrinted(at95.upper, upper95, averageSlack);
      const at998 = proportionFunnel(average, population, { multiplier: 100, confidence: 99.8 });
      expectMatchesPrinted(at998.lower, lower998, averageSlack);
      expectMatchesPrinted(at998.upper, upper998, averageSlack);
    }
  });

  it("puts each funnel line where the Wilson interval of the observed value just reaches the average", () => {
    // First principles: the low line at population n is the observed proportion whose Wilson
    // upper limit equals the average, and the high line the one whose Wilson lower limit does.
    const z = zScore(0.95);
    for (const population of [18, 41, 1008, 110000]) {
      const limits = proportionFunnel(average, population);
      expectRelClose(wilsonUpper((limits.lower as number) * population, population, z), average, 1e-12);
      expectRelClose(wilsonLower((limits.upper as number) * population, population, z), average, 1e-12);
    }
  });

  it("gives nulls for missing inputs and rejects an average outside [0, 1]", () => {
    expect(proportionFunnel(null, 100)).toEqual({ lower: null, upper: null });
    expect(() => proportionFunnel(80, 100)).toThrow(
      "proportionFunnel: average must be a proportion between 0 and 1 (average=80)",
    );
    expect(() => proportionFunnel(0.5, 0)).toThrow("proportionFunnel: denominator must be greater than 0 (denominator=0)");
  });
});

describe("ratioFunnel (poisson_funnel)", () => {
  // Observed_events, lower_2s_exp_events, upper_2s_exp_events, lower_3s_exp_events, upper_3s_exp_events.
  // The funnel limits are observed / expected events.
  const rows: ReadonlyArray<[number, string, string, string, string]> = [
    [1, "5.571644585", "0.025317898", "9.233410143", "0.001000547"],
    [2, "7.224687515", "0.242209467", "11.22886836", "0.04540199"],
    [5, "11.6683331", "1.623486324", "16.45474478", "0.739371928"],
    [10, "18.39035799", "4.795387629", "24.13397235", "2.960519925"],
    [100, "121.6268111", "81.36400699", "134.9243187", "71.92139974"],
    [716, "770.4222128", "664.5083011", "802.60414", "636.1521174"],
  ];

  it("reproduces the package's ratio funnel at 95% and 99.8%", () => {
    for (const [observed, lower95, upper95, lower998, upper998] of rows) {
      const at95 = ratioFunnel(observed);
      expectMatchesPrinted(observed / (at95.lower as number), lower95);
      expectMatchesPrinted(observed / (at95.upper as number), upper95);
      const at998 = ratioFunnel(observed, { confidence: 0.998 });
      expectMatchesPrinted(observed / (at998.lower as number), lower998);
      expectMatchesPrinted(observed / (at998.upper as number), upper998);
    }
  });

  it("agrees with the exact chi-square limits to the bisection's precision (~1e-7)", () => {
    // poisson_funnel bisects for the exact limits: for 1 event, 95%, the expected counts are
    // mu with exp(-mu)(1 + mu) = 0.025 (5.5716433909) and -ln(0.975) (0.0253178080).
    const limits = ratioFunnel(1);
    expectRelClose(1 / (limits.lower as number), 5.571643390938899, 1e-6);
    expectRelClose(1 / (limits.upper as number), 0.025317807984289875, 1e-5);
  });

  it("uses the exact chi-square limits above 1,000,000 events, continuous with the bisection", () => {
    const observed = 1_000_001;
    const limits = ratioFunnel(observed);
    // The low line's expected count E satisfies P(Poisson(E) <= O) = 0.025, i.e.
    // P(chi2_{2O+2} <= 2E) = 0.975; the high line's satisfies P(chi2_{2O} <= 2E) = 0.025.
    expect(Math.abs(evenDfChisqCdf((2 * observed) / (limits.lower as number), 2 * observed + 2) - 0.975)).toBeLessThan(1e-9);
    expect(Math.abs(evenDfChisqCdf((2 * observed) / (limits.upper as number), 2 * observed) - 0.025)).toBeLessThan(1e-9);
    // One event fewer goes through the bisection; one extra event moves the limits by ~1e-7.
    const bisected = ratioFunnel(observed - 1);
    expectRelClose(limits.lower, bisected.lower as number, 1e-6);
    expectRelClose(limits.upper, bisected.upper as number, 1e-6);
  });

  it("has no upper limit for zero events", () => {
    expect(ratioFunnel(0)).toEqual({ lower: 0, upper: null });
    expect(ratioFunnel(null)).toEqual({ lower: null, upper: null });
  });
});

describe("rateFunnel (poisson_funnel for rates)", () => {
  // testdata_funnel_rate_input_funnels.csv, columns ev and rate (dsr per 100,000). The package
  // derives each denominator as 100000 * ev / rate and the baseline as sum(ev) / sum(denominators).
  const inputs: ReadonlyArray<[number, number]> = [
    [414, 184], [462, 102], [178, 83], [525, 118], [194, 121], [937, 125], [817, 112], [117, 190], [298, 146], [228, 140],
    [243, 87], [13, 70], [373, 90], [664, 139], [601, 109], [602, 65], [767, 165], [708, 143], [90, 55], [952, 135],
    [347, 135], [648, 88], [988, 167], [354, 99], [839, 83], [25, 53], [518, 62], [425, 118], [648, 176], [765, 101],
    [210, 71], [931, 138], [589, 74], [592, 84], [554, 161], [870, 79], [372, 189], [843, 170], [142, 159], [543, 113],
    [489, 191], [620, 116], [774, 200], [904, 171], [936, 128], [841, 134], [22, 185], [922, 100], [955, 123], [308, 155],
  ];
  const events = inputs.reduce((sum, [ev]) => sum + ev, 0);
  const population = inputs.reduce((sum, [ev, rate]) => sum + (100000 * ev) / rate, 0);
  const averageRate = events / population;

  // Events, lower_2s_limit, upper_2s_limit, lower_3s_limit, upper_3s_limit
  const rows: ReadonlyArray<[number, string, string, string, string]> = [
    [1, "20.85059119", "4588.535848", "12.58170943", "116108.569"],
    [10, "63.17010446", "242.2579623", "48.13632908", "392.4043292"],
    [99, "95.42133877", "142.9369123", "85.97604186", "161.8129075"],
    [1360, "110.158048", "122.6021934", "106.9073359", "126.5084525"],
  ];

  it("derives the package's baseline from its inputs", () => {
    // testdata_funnel_rate_outputs.csv baseline column: 116.1720835 per 100,000.
    expectMatchesPrinted(averageRate * 100000, "116.1720835");
  });

  it("reproduces the package's rate funnel per 100,000 at 95% and 99.8%", () => {
    for (const [count, lower95, upper95, lower998, upper998] of rows) {
      const at95 = rateFunnel(count, averageRate);
      expectMatchesPrinted(at95.lower, lower95);
      expectMatchesPrinted(at95.upper, upper95);
      const at998 = rateFunnel(count, averageRate, { confidence: 99.8, multiplier: 100000 });
      expectMatchesPrinted(at998.lower, lower998);
      expectMatchesPrinted(at998.upper, upper998);
    }
  });

  it("rejects a non-positive average rate", () => {
    expect(() => rateFunnel(5, 0)).toThrow("rateFunnel: averageRate must be greater than 0 (averageRate=0)");
  });
});

describe("ratioSignificance (assign_funnel_significance, statistic = \"ratio\")", () => {
  // obs, expected, significance — from testdata_funnel_ratio_inputs.csv (commit b79d6448).
  const rows: ReadonlyArray<[number, number, FunnelSignificance]> = [
    [8, 6.239860227, "Not significant"],
    [151, 106.4429719, "High (0.001)"],
    [159, 232.9329036, "Low (0.001)"],
    [191, 184.0963855, "Not significant"],
    [150, 119.5695496, "High (0.025)"],
    [0, 240.6273499, "Low (0.001)"],
    [101, 126.2973615, "Low (0.025)"],
    [16, 36.38844667, "Low (0.001)"],
    [6, 4.293052052, "Not significant"],
    [25, 55.01760563, "Low (0.001)"],
    [27, 26.73002673, "Not significant"],
    [35, 56.15273544, "Low (0.025)"],
    [74, 52.09066592, "High (0.025)"],
    [87, 45.27241505, "High (0.001)"],
    [93, 58.34744965, "High (0.001)"],
    [48, 64, "Low (0.025)"],
    [49, 87.5, "Low (0.001)"],
    [39, 50.23183926, "Not significant"],
    [94, 67.43668843, "High (0.025)"],
    [31, 57.81424841, "Low (0.001)"],
    [29, 31.19956966, "Not significant"],
    [41, 58.50456621, "Low (0.025)"],
    [677, 349.8165659, "High (0.001)"],
    [893, 706.7669173, "High (0.001)"],
    [241, 288.6919023, "Low (0.025)"],
    [254, 254.4070513, "Not significant"],
    [233, 201.7490692, "High (0.025)"],
  ];

  it("reproduces the package's significance labels", () => {
    for (const [observed, expected, label] of rows) {
      expect(ratioSignificance(observed, expected), `${observed} vs ${expected}`).toBe(label);
    }
  });

  it("flags a small count from the exact limits", () => {
    // 2 events against 10 expected: the 99.8% exact upper limit of 2 is qchisq(0.999, 6)/2 = 11.229
    // (ratio 1.12 > 1, not Low at 0.001) but the 95% one is qchisq(0.975, 6)/2 = 7.2247 (0.72 < 1).
    expect(ratioSignificance(2, 10)).toBe("Low (0.025)");
  });

  it("returns null for missing inputs and rejects a zero expected count", () => {
    expect(ratioSignificance(null, 10)).toBeNull();
    expect(ratioSignificance(3, undefined)).toBeNull();
    expect(() => ratioSignificance(3, 0)).toThrow("ratioSignificance: expected must be greater than 0 (expected=0)");
  });
});
