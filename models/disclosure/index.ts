export { describeRule, isSmall, roundCount, RULE, type DisclosureRule } from "./rule.ts";
export { oneWay, twoWay, twoWayIndex, type AdditiveRelation, type CountTable } from "./table.ts";
export { DisclosureRefusal, disclosedCells, protect, type CellStatus, type Protection } from "./protect.ts";
export { withheld, withheldAll } from "./withhold.ts";
