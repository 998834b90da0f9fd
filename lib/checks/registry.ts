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
import { rule as hypertensionCombination } from './rules/hypertension-combination';
import { rule as unspecifiedWhenDocumented } from './rules/unspecified-when-documented';
import { rule as longTermDrugStatus } from './rules/long-term-drug-status';
import { rule as uncertainDiagnosisOutpatient } from './rules/uncertain-diagnosis-outpatient';
import { rule as emLevelNotSupported } from './rules/em-level-not-supported';
import { rule as codeChangedBetweenReleases } from './rules/code-changed-between-releases';
import { rule as lateralityNotDocumented } from './rules/laterality-not-documented';
import { rule as episodeOfCareMismatch } from './rules/episode-of-care-mismatch';
import { rule as ckdStageMissing } from './rules/ckd-stage-missing';
import { rule as sexAgeConflict } from './rules/sex-age-conflict';
import { rule as diabetesComplicationLinkage } from './rules/diabetes-complication-linkage';
import { rule as manifestationEtiologyMissing } from './rules/manifestation-etiology-missing';
import { rule as deletedCodeWithReplacement } from './rules/deleted-code-with-replacement';
import { rule as hccSpecificityDocumented } from './rules/hcc-specificity-documented';
import { rule as modifier59OnEm } from './rules/modifier-59-on-em';
import { rule as modifierNotAllowed } from './rules/modifier-not-allowed';
import { rule as modifier59WithX } from './rules/modifier-59-with-x';
import { rule as comprehensiveCodeInstead } from './rules/comprehensive-code-instead';
import { rule as bilateralModifierUnits } from './rules/bilateral-modifier-units';
import { rule as globalSurgeryEm } from './rules/global-surgery-em';
import { rule as postoperativeVisitInGlobal } from './rules/postoperative-visit-in-global';
import { rule as eyeVisitWithEm } from './rules/eye-visit-with-em';
import { rule as unspecifiedBesideSpecified } from './rules/unspecified-beside-specified';
import { rule as lateralityMismatch } from './rules/laterality-mismatch';
import { rule as unparseableCode } from './rules/unparseable-code';

/** Every rule, registered once (the convention test checks this list against the rules/ folder). */
export const RULES: readonly Rule[] = [
  releaseDoesNotCoverDate,
  unparseableCode,
  codeNotValidOnDate,
  deletedCodeWithReplacement,
  nonBillableHeader,
  duplicateCode,
  excludes1Pair,
  unspecifiedBesideSpecified,
  manifestationFirstListed,
  ncciPtp,
  globalSurgeryEm,
  postoperativeVisitInGlobal,
  eyeVisitWithEm,
  modifier59OnEm,
  modifierNotAllowed,
  modifier59WithX,
  comprehensiveCodeInstead,
  bilateralModifierUnits,
  mueUnits,
  addonWithoutPrimary,
  hypertensionCombination,
  unspecifiedWhenDocumented,
  longTermDrugStatus,
  uncertainDiagnosisOutpatient,
  emLevelNotSupported,
  codeChangedBetweenReleases,
  lateralityNotDocumented,
  lateralityMismatch,
  episodeOfCareMismatch,
  ckdStageMissing,
  sexAgeConflict,
  diabetesComplicationLinkage,
  manifestationEtiologyMissing,
  hccSpecificityDocumented,
];
