// Writes the ILLUSTRATIVE contract register, monthly KPI returns and invoices for each council
// with illustrative facts in sources/council-facts.json into sources/data/illustrative-contracts/.
// No council publishes KPI returns or invoice-level payment data we can reach, so the review
// pages are built and tested on data generated here, in the published shapes, from a fixed seed
// and a fixed "as at" date: the same command always writes the same bytes
// (tests/unit/illustrative-generator.test.ts checks the committed files against a fresh run).
//
//   npm run generate:illustrative [-- <output folder>]
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import Papa from "papaparse";
import { COUNCIL_FACTS } from "../../sources/council-facts.ts";
import { ILLUSTRATIVE_FOLDER, ILLUSTRATIVE_RELEASED, ILLUSTRATIVE_SEED, illustrativeFile } from "../../sources/illustrative-shared.ts";
import { addMonths as addCalendarMonths, monthStart as calendarMonthStart } from "../../models/months.ts";
import { mulberry32, type Random } from "./prng.ts";

export const SEED = ILLUSTRATIVE_SEED;
/** The date the files describe: contracts end "within 6 months" of this date, and so on. */
export const AS_AT = ILLUSTRATIVE_RELEASED;
/** KPI returns cover the 24 calendar months before AS_AT. */
const KPI_MONTHS = 24;
export const OUTPUT_DIR = ILLUSTRATIVE_FOLDER;

export const REGISTER_HEADER = [
  "Council Code",
  "Reference Number",
  "Title of Agreement",
  "Department",
  "Category",
  "Description of Goods and/or Services",
  "Supplier Name",
  "Supplier Registration Number",
  "Supplier Postcode",
  "SME",
  "VCSE",
  "Value of Contract",
  "Start Date",
  "End Date",
  "Review Date",
  "Procurement Route",
] as const;

export const KPI_HEADER = [
  "Contract Reference",
  "KPI ID",
  "KPI Name",
  "Month",
  "Measure Type",
  "Multiplier",
  "Target",
  "Direction",
  "Numerator",
  "Denominator",
  "Actual",
] as const;

export const INVOICE_HEADER = [
  "Invoice Number",
  "Contract Reference",
  "Supplier Name",
  "Amount",
  "Invoice Received Date",
  "Paid Date",
  "Disputed",
] as const;

interface Council {
  code: string;
  prefix: string;
  localities: readonly string[];
  /** Postcode districts inside the council (the "local supplier" rule in the models uses the same lists). */
  localDistricts: readonly string[];
  placeWords: readonly string[];
}

/** The councils with illustrative facts, in the facts file's order (the seed's stream runs through them in turn). */
const COUNCILS: Council[] = COUNCIL_FACTS.flatMap((facts) =>
  facts.illustrative
    ? [{ code: facts.code, prefix: facts.illustrative.referencePrefix, localities: facts.localities, localDistricts: facts.postcodeDistricts, placeWords: facts.illustrative.placeWords }]
    : [],
);

const ELSEWHERE_DISTRICTS = ["B15", "B3", "WV1", "ST4", "TF1", "TF3", "M1", "M4", "SK4", "WA1", "OL1", "BL1", "L3", "LS1", "NG1", "BS1"];
const NATIONAL_WORDS = ["Albion", "Heritage", "Beacon", "Evergreen", "Oakleaf", "Horizon", "Keystone", "Meridian", "Compass", "Summit", "Northern Star", "Pennine"];
const TRADING = ["Home Care", "Care Services", "Living", "Support Services", "Community Care", "Healthcare", "Care Group"];
const CHARITY = ["Trust", "Association", "Foundation", "Community Partnership", "Carers Centre"];
const POSTCODE_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

type MeasureType = "proportion" | "rate" | "count";
interface KpiSpec {
  id: string;
  name: string;
  type: MeasureType;
  /** 1 for proportions (target and actual are fractions) and counts; 1,000 for rates per 1,000. */
  multiplier: number;
  target: number;
  direction: "higher" | "lower";
  /** Monthly denominator (or, for counts, the expected count at target) from the contract's monthly volume. */
  scale: (volume: number) => number;
}

interface ServiceSpec {
  category: string;
  department: string;
  contracts: number;
  /** Monthly volume of the unit priced (visits, bed days, hours, sessions...). */
  volume: [number, number];
  unitPrice: [number, number];
  unit: string;
  years: number[];
  kpis: KpiSpec[];
  describe: (locality: string, volume: number) => string;
}

const ASC = "Adult Social Care";
const prop = (id: string, name: string, target: number, scale: (v: number) => number): KpiSpec => ({ id, name, type: "proportion", multiplier: 1, target, direction: "higher", scale });

const SERVICES: ServiceSpec[] = [
  {
    category: "Home care",
    department: ASC,
    contracts: 12,
    volume: [1500, 9000],
    unitPrice: [22, 28],
    unit: "visits",
    years: [3, 4, 5],
    kpis: [
      prop("HC01", "Visits delivered within 30 minutes of the planned time", 0.9, (v) => v),
      { id: "HC02", name: "Missed visits per 1,000 planned visits", type: "rate", multiplier: 1000, target: 2, direction: "lower", scale: (v) => v },
    ],
    describe: (l, v) => `Home care (domiciliary care) for adults with eligible needs in the ${l} locality, about ${v.toLocaleString("en-GB")} visits a month`,
  },
  {
    category: "Residential and nursing care",
    department: ASC,
    contracts: 9,
    volume: [600, 3000],
    unitPrice: [95, 160],
    unit: "occupied bed days",
    years: [3, 5, 7],
    kpis: [
      prop("RN01", "Residents whose care plan was reviewed in the last 6 months", 0.95, (v) => v / 30),
      { id: "RN02", name: "Falls per 1,000 occupied bed days", type: "rate", multiplier: 1000, target: 5, direction: "lower", scale: (v) => v },
      { id: "RN03", name: "Complaints upheld", type: "count", multiplier: 1, target: 1, direction: "lower", scale: () => 1 },
    ],
    describe: (l, v) => `Block-purchased residential and nursing care beds for older people in the ${l} locality, about ${Math.round(v / 30)} beds`,
  },
  {
    category: "Supported living",
    department: ASC,
    contracts: 8,
    volume: [800, 4000],
    unitPrice: [19, 24],
    unit: "support hours",
    years: [3, 4, 5],
    kpis: [
      prop("SL01", "Tenants with an up-to-date support plan", 0.95, (v) => v / 70),
      prop("SL02", "Tenancies sustained", 0.9, (v) => v / 70),
    ],
    describe: (l, v) => `Supported living for adults with learning disabilities or autism in the ${l} locality, about ${v.toLocaleString("en-GB")} support hours a month`,
  },
  {
    category: "Day opportunities",
    department: ASC,
    contracts: 6,
    volume: [150, 900],
    unitPrice: [45, 70],
    unit: "sessions",
    years: [2, 3, 4],
    kpis: [prop("DO01", "Sessions attended against sessions planned", 0.85, (v) => v)],
    describe: (l, v) => `Day opportunities for adults with care and support needs in the ${l} locality, about ${v} sessions a month`,
  },
  {
    category: "Carers' support",
    department: ASC,
    contracts: 5,
    volume: [20, 120],
    unitPrice: [120, 250],
    unit: "carers supported",
    years: [2, 3, 4],
    kpis: [prop("CS01", "Carers' assessments completed within 28 days", 0.8, (v) => v * 0.12)],
    describe: (l, v) => `Information, advice and carers' assessments for unpaid carers in the ${l} locality, about ${v} carers a month`,
  },
  {
    category: "Advocacy",
    department: ASC,
    contracts: 3,
    volume: [5, 40],
    unitPrice: [350, 600],
    unit: "referrals",
    years: [3, 4],
    kpis: [prop("AD01", "Referrals allocated to an advocate within 5 working days", 0.9, (v) => v)],
    describe: (l, v) => `Statutory advocacy (Care Act, IMCA and IMHA) across the ${l} locality, about ${v} referrals a month`,
  },
  {
    category: "Reablement",
    department: ASC,
    contracts: 3,
    volume: [40, 150],
    unitPrice: [1100, 1600],
    unit: "episodes",
    years: [3, 5],
    kpis: [
      prop("RB01", "People still at home 91 days after discharge from hospital into reablement", 0.82, (v) => v * 0.6),
      prop("RB02", "People needing no ongoing care after reablement", 0.75, (v) => v),
    ],
    describe: (l, v) => `Short-term reablement after hospital discharge or at risk of admission, ${l} locality, about ${v} episodes a month`,
  },
  {
    category: "Substance misuse treatment",
    department: "Public Health",
    contracts: 3,
    volume: [40, 200],
    unitPrice: [350, 500],
    unit: "people in treatment",
    years: [3, 5],
    kpis: [prop("PH01", "Treatment exits that were successful completions", 0.3, (v) => v * 0.12)],
    describe: (l, v) => `Community drug and alcohol treatment, ${l} locality, about ${v} people in treatment`,
  },
  {
    category: "Sexual health services",
    department: "Public Health",
    contracts: 2,
    volume: [300, 1200],
    unitPrice: [60, 90],
    unit: "attendances",
    years: [3, 5],
    kpis: [prop("PH02", "Attendances offered an appointment within 48 hours", 0.9, (v) => v)],
    describe: (l, v) => `Integrated sexual health service, ${l} locality, about ${v} attendances a month`,
  },
  {
    category: "ICT managed services",
    department: "Resources",
    contracts: 3,
    volume: [400, 1500],
    unitPrice: [40, 80],
    unit: "tickets",
    years: [2, 3, 4],
    kpis: [prop("IT01", "Incidents resolved within the service level", 0.95, (v) => v)],
    describe: (_l, v) => `Managed ICT service desk and infrastructure support, about ${v} tickets a month`,
  },
  {
    category: "Highways maintenance",
    department: "Place",
    contracts: 4,
    volume: [100, 600],
    unitPrice: [200, 450],
    unit: "defects repaired",
    years: [3, 5, 7],
    kpis: [prop("HW01", "Category 1 defects made safe within 24 hours", 0.98, (v) => v * 0.1)],
    describe: (l, v) => `Reactive highways maintenance in the ${l} area, about ${v} defects repaired a month`,
  },
  {
    category: "Short breaks for disabled children",
    department: "Children and Young People",
    contracts: 2,
    volume: [60, 200],
    unitPrice: [80, 140],
    unit: "sessions",
    years: [2, 3],
    kpis: [prop("CY01", "Short-break sessions attended against sessions planned", 0.85, (v) => v)],
    describe: (l, v) => `Short breaks for disabled children and their families, ${l} locality, about ${v} sessions a month`,
  },
];

const ROUTES = ["open", "restricted", "competitive flexible", "direct award", "framework call-off"];

// Dates as whole days since 1970 (UTC), so arithmetic never meets time zones or DST.
const DAY = 86_400_000;
const toDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const iso = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const addMonths = (day: number, months: number) => addCalendarMonths(new Date(day * DAY), months).getTime() / DAY;
const monthStart = (day: number) => calendarMonthStart(new Date(day * DAY)).getTime() / DAY;

interface Supplier {
  name: string;
  registration: string;
  postcode: string;
  sme: boolean;
  vcse: boolean;
  /** Share of this supplier's invoices the council pays late (a council-side delay, e.g. a slow approver). */
  lateShare: number;
}

function postcode(random: Random, district: string): string {
  return `${district} ${random.int(1, 9)}${random.pick([...POSTCODE_LETTERS])}${random.pick([...POSTCODE_LETTERS])}`;
}

function suppliers(random: Random, council: Council): Supplier[] {
  const out: Supplier[] = [];
  const names = new Set<string>();
  while (out.length < 32) {
    const vcse = random.chance(0.25);
    const local = random.chance(vcse ? 0.8 : 0.45);
    const word = random.pick(local ? council.placeWords : NATIONAL_WORDS);
    const name = vcse ? `${word} ${random.pick(CHARITY)}` : `${word} ${random.pick(TRADING)} ${random.pick(["Ltd", "Limited", "Ltd", "CIC"])}`;
    if (names.has(name)) continue;
    names.add(name);
    out.push({
      name,
      // Charity Commission numbers are 6 or 7 digits; Companies House numbers 8 (leading zeros kept).
      registration: vcse ? String(random.int(1_000_000, 1_199_999)) : String(random.int(1_000_000, 15_999_999)).padStart(8, "0"),
      postcode: postcode(random, random.pick(local ? council.localDistricts : ELSEWHERE_DISTRICTS)),
      sme: vcse ? random.chance(0.9) : random.chance(local ? 0.75 : 0.3),
      vcse,
      lateShare: random.pick([0.03, 0.05, 0.08, 0.12, 0.25]),
    });
  }
  return out;
}

type Performance = "meets" | "borderline" | "under";

interface Contract {
  reference: string;
  title: string;
  department: string;
  category: string;
  description: string;
  supplier: Supplier;
  value: number;
  start: number;
  end: number;
  review: number;
  route: string;
  kpis: KpiSpec[];
  volume: number;
  monthly: number;
  performance: Performance;
  /** Invoiced spend against the contract's monthly value: above 1 drifts over the value. */
  spendFactor: number;
  /** Share of months with no KPI return. */
  missingShare: number;
}

/** End dates spread across the bands the review pages report, relative to AS_AT. */
function endDay(random: Random, asAt: number): number {
  const band = random.next();
  if (band < 0.12) return asAt - random.int(30, 700); // already ended
  if (band < 0.3) return asAt + random.int(5, 180); // within 6 months
  if (band < 0.48) return asAt + random.int(183, 364); // 6 to 12 months
  if (band < 0.64) return asAt + random.int(366, 546); // 12 to 18 months
  return asAt + random.int(549, 1800); // later
}

function contracts(random: Random, council: Council, pool: Supplier[], asAt: number): Contract[] {
  const out: Contract[] = [];
  const earliest = toDay("2019-01-01");
  for (const service of SERVICES) {
    const lotSuppliers = pool.filter((s) => (service.department === ASC ? true : !s.vcse || service.department === "Public Health"));
    for (let i = 0; i < service.contracts; i++) {
      const locality = random.pick(council.localities);
      const supplier = random.pick(lotSuppliers);
      const end = endDay(random, asAt);
      // Start: whole months before the end, kept within 2019-2026 and before the AS_AT date.
      let start = monthStart(addMonths(end, -12 * random.pick(service.years)) + random.int(0, 27));
      if (start < earliest) start = monthStart(earliest + random.int(0, 400));
      if (start > asAt - 40) start = monthStart(asAt - random.int(60, 200));
      if (start >= end - 90) start = monthStart(end - random.int(400, 900));
      if (start < earliest) start = earliest;
      const tier = random.next();
      const performance: Performance = tier < 0.6 ? "meets" : tier < 0.8 ? "borderline" : "under";
      // Weak providers are costlier per unit here, so that some contracts are both under target
      // and dear per outcome (the decommissioning screen has something to find).
      const price = random.between(...service.unitPrice) * (performance === "under" ? random.between(1.1, 1.35) : random.between(0.92, 1.08));
      const volume = random.int(...service.volume);
      const monthly = volume * price;
      const months = Math.max(1, Math.round((end - start) / 30.44));
      const year = new Date(start * DAY).getUTCFullYear();
      const code = service.department === ASC ? "ASC" : service.department === "Public Health" ? "PH" : service.department === "Resources" ? "RES" : service.department === "Place" ? "PL" : "CYP";
      out.push({
        reference: `${council.prefix}-${code}-${year}-${String(out.length + 1).padStart(3, "0")}`,
        title: service.department === "Resources" ? `${service.category}` : `${service.category}: ${locality} locality`,
        department: service.department,
        category: service.category,
        description: service.describe(locality, volume),
        supplier,
        value: Math.round((monthly * months) / 100) * 100,
        start,
        end,
        review: monthStart(addMonths(end, -9)),
        route: random.pick(ROUTES),
        kpis: service.kpis,
        volume,
        monthly,
        performance,
        spendFactor: random.chance(0.1) ? random.between(1.2, 1.4) : random.between(0.9, 1.05),
        missingShare: random.chance(0.25) ? random.pick([0.1, 0.2, 0.35]) : 0,
      });
    }
  }
  return out;
}

/** The month's true level of a KPI for a contract of this performance. */
function level(random: Random, kpi: KpiSpec, performance: Performance): number {
  if (kpi.direction === "higher") {
    const shift = performance === "meets" ? random.between(0.01, 0.04) : performance === "borderline" ? -random.between(0, 0.03) : -random.between(0.08, 0.2);
    return Math.min(0.995, Math.max(0.02, kpi.target + shift));
  }
  const factor = performance === "meets" ? random.between(0.4, 0.85) : performance === "borderline" ? random.between(0.95, 1.15) : random.between(1.5, 2.5);
  return kpi.target * factor;
}

function kpiRows(random: Random, contract: Contract, asAt: number): string[][] {
  const rows: string[][] = [];
  const first = monthStart(addMonths(asAt, -KPI_MONTHS));
  // One contract in eight stops sending returns for its last few months: missing, not zero.
  const stopsAfter = random.chance(0.125) ? random.int(2, 5) : 0;
  for (let m = 0; m < KPI_MONTHS; m++) {
    const month = addMonths(first, m);
    const monthEnd = addMonths(month, 1) - 1;
    if (month < monthStart(contract.start) || monthEnd > contract.end) continue;
    if (stopsAfter > 0 && m >= KPI_MONTHS - stopsAfter) continue;
    if (random.chance(contract.missingShare)) continue;
    for (const kpi of contract.kpis) {
      const expected = kpi.scale(contract.volume) * random.between(0.85, 1.15);
      const truth = level(random, kpi, contract.performance);
      let numerator: number;
      let denominator: number | null;
      let actual: string;
      if (kpi.type === "proportion") {
        denominator = Math.max(1, Math.round(expected));
        numerator = random.binomial(denominator, truth);
        actual = (numerator / denominator).toFixed(4);
      } else if (kpi.type === "rate") {
        denominator = Math.max(1, Math.round(expected));
        numerator = random.poisson((truth * denominator) / kpi.multiplier);
        actual = ((numerator / denominator) * kpi.multiplier).toFixed(2);
      } else {
        denominator = null;
        numerator = random.poisson(truth);
        actual = String(numerator);
      }
      rows.push([
        contract.reference,
        kpi.id,
        kpi.name,
        iso(month).slice(0, 7),
        kpi.type,
        String(kpi.multiplier),
        String(kpi.target),
        kpi.direction,
        String(numerator),
        denominator === null ? "" : String(denominator),
        actual,
      ]);
    }
  }
  return rows;
}

function invoiceRows(random: Random, council: Council, contract: Contract, asAt: number, counter: { n: number }): string[][] {
  const rows: string[][] = [];
  // Monthly invoices in arrears, from the first month of the contract to the last complete month.
  for (let month = monthStart(contract.start); addMonths(month, 1) <= Math.min(contract.end + 1, asAt); month = addMonths(month, 1)) {
    const received = addMonths(month, 1) + random.int(2, 12);
    if (received >= asAt) break;
    const disputed = random.chance(0.03);
    const late = random.chance(contract.supplier.lateShare);
    const days = disputed ? random.int(35, 120) : late ? random.int(31, 75) : random.int(5, 29);
    const paid = received + days;
    counter.n += 1;
    rows.push([
      `${council.prefix}-INV-${String(counter.n).padStart(6, "0")}`,
      contract.reference,
      contract.supplier.name,
      (contract.monthly * contract.spendFactor * random.between(0.9, 1.1)).toFixed(2),
      iso(received),
      paid < asAt ? iso(paid) : "",
      disputed ? "Y" : "N",
    ]);
  }
  return rows;
}

function csv(header: readonly string[], rows: string[][]): string {
  return `${Papa.unparse({ fields: [...header], data: rows }, { newline: "\n" })}\n`;
}

/** Generates every file; returns their names relative to outDir. */
export function generateIllustrativeContracts(outDir: string): string[] {
  const random = mulberry32(SEED);
  const asAt = toDay(AS_AT);
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const council of COUNCILS) {
    const pool = suppliers(random, council);
    const list = contracts(random, council, pool, asAt);
    const register = list.map((c) => [
      council.code,
      c.reference,
      c.title,
      c.department,
      c.category,
      c.description,
      c.supplier.name,
      c.supplier.registration,
      c.supplier.postcode,
      c.supplier.sme ? "Y" : "N",
      c.supplier.vcse ? "Y" : "N",
      c.value.toFixed(2),
      iso(c.start),
      iso(c.end),
      iso(c.review),
      c.route,
    ]);
    const kpis = list.flatMap((c) => kpiRows(random, c, asAt));
    const counter = { n: 0 };
    const invoices = list.flatMap((c) => invoiceRows(random, council, c, asAt, counter));
    const files: [string, string][] = [
      [illustrativeFile("contract-register", council.code), csv(REGISTER_HEADER, register)],
      [illustrativeFile("kpi-returns", council.code), csv(KPI_HEADER, kpis)],
      [illustrativeFile("invoices", council.code), csv(INVOICE_HEADER, invoices)],
    ];
    for (const [name, text] of files) {
      writeFileSync(join(outDir, name), text);
      written.push(name);
    }
  }
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { positionals } = parseArgs({ allowPositionals: true, options: {} });
  if (positionals.length > 1) throw new Error("usage: npm run generate:illustrative [-- <output folder>]");
  const outDir = resolve(positionals[0] ?? OUTPUT_DIR);
  for (const name of generateIllustrativeContracts(outDir)) console.log(`wrote ${join(outDir, name)}`);
}
