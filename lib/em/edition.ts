import { FAMILIES, type Family } from '../domain/visit-family';

/*
 * What an E/M answer comes from. The leveller reads no code-set release: its tables
 * (data/em-rules.json) apply the CPT E/M guidelines of 2021 for office and outpatient visits and of
 * 2023 for the other families, written in our own words (no CPT descriptor text). A date of service
 * before a family's guidelines took effect is answered by the same rules, and the statement says so.
 */

/** The rules edition the E/M tables apply, in one phrase. */
export const EM_RULES_EDITION = 'CPT 2021 office/outpatient and 2023 other-family E/M guidelines';
/** How the tables word it. */
export const EM_RULES_WORDING = 'our own wording, no CPT descriptor text';

/** Office and outpatient visits levelled by the 2021 guidelines (MDM or total time). */
const RULES_2021: readonly Family[] = ['new', 'established'];
/** Families levelled by neither revision's MDM tables: critical care by its time, the others by extent or age. */
const NOT_BY_REVISION: readonly Family[] = ['critical-care', 'preventive', 'eye', 'disability'];
/** Families whose levels follow the 2023 revision: every other one (hospital, ED, consultations, nursing facility, home, discharge day). */
const RULES_2023: readonly Family[] = FAMILIES.filter((f) => !RULES_2021.includes(f) && !NOT_BY_REVISION.includes(f));

export interface EmAnswersFrom {
  dateOfService: string;
  /** True when the date was given (--date, the chart's date); false when today's date was used. */
  dateGiven: boolean;
  rules: string;
  wording: string;
  /** The year of the guidelines that level this family, when it is levelled by the 2021/2023 guidelines. */
  guidelinesYear?: 2021 | 2023;
  /** E/M levels read no code-set pack: no ICD-10-CM, HCPCS or NCCI release answers here. */
  codeSetPack: null;
  /** Set when the family's guidelines were not yet in force on the date of service. */
  warning?: string;
  /** The whole statement in one line. */
  statement: string;
}

/** The guidelines in force for a family on a date, and the one line that says what the answer comes from. */
export function emAnswersFrom(family: Family, dateOfService: string, dateGiven: boolean): EmAnswersFrom {
  const year = RULES_2021.includes(family) ? 2021 : RULES_2023.includes(family) ? 2023 : undefined;
  const warning =
    year !== undefined && dateOfService < `${year}-01-01`
      ? `the ${year} guidelines were not in force on ${dateOfService} (earlier dates used the 1995/1997 documentation guidelines); the level shown is by the ${year} rules`
      : undefined;
  const statement =
    `Date of service ${dateOfService}${dateGiven ? '' : " (today's date: none given)"}: E/M by the ${EM_RULES_EDITION} (${EM_RULES_WORDING})` +
    ` · no code-set pack read (the level comes from the note alone)${warning ? ` · warning: ${warning}` : ''}`;
  return {
    dateOfService,
    dateGiven,
    rules: EM_RULES_EDITION,
    wording: EM_RULES_WORDING,
    ...(year !== undefined ? { guidelinesYear: year } : {}),
    codeSetPack: null,
    ...(warning ? { warning } : {}),
    statement,
  };
}
