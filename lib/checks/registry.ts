import type { Rule } from './rule';
import { rule as addonWithoutPrimary } from './rules/addon-without-primary';
import { rule as codeNotValidOnDate } from './rules/code-not-valid-on-date';
import { rule as duplicateCode } from './rules/duplicate-code';
import { rule as excludes1Pair } from './rules/excludes1-pair';
import { rule as manifestationFirstListed } from './rules/manifestation-first-listed';
import { rule as mueUnits } from './rules/mue-units';
import { rule as ncciPtp } from './rules/ncci-ptp';
import { rule as nonBillableHeader } from './rules/non-billable-header';
import { rule as releaseDoesNotCoverDate } from './rules/release-does-not-cover-date';

/** Every rule, registered once (the convention test checks this list against the rules/ folder). */
export const RULES: readonly Rule[] = [
  releaseDoesNotCoverDate,
  codeNotValidOnDate,
  nonBillableHeader,
  duplicateCode,
  excludes1Pair,
  manifestationFirstListed,
  ncciPtp,
  mueUnits,
  addonWithoutPrimary,
];
