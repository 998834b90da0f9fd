/**
 * The E/M visit families a note can be levelled in (CPT 2021 office rules, 2023 rules for the
 * others: hospital, emergency department, consultations, nursing facility, home or residence;
 * critical care by time). Their tables live in lib/em/data/em-rules.json.
 */
export const FAMILIES = [
  'new',
  'established',
  'ed',
  'initial',
  'subsequent',
  'same-day',
  'discharge',
  'office-consult',
  'inpatient-consult',
  'nursing-initial',
  'nursing-subsequent',
  'nursing-discharge',
  'home-new',
  'home-established',
  'critical-care',
  'preventive',
  'eye',
  'disability',
] as const;
export type Family = (typeof FAMILIES)[number];

/** True for a string that names a family (command-line values, stored settings). */
export function isFamily(value: string): value is Family {
  return (FAMILIES as readonly string[]).includes(value);
}
