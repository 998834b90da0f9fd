/*
 * The two-character modifiers a claim line may carry: CPT Level I (the numeric ones, the anaesthesia
 * physical-status P1–P6 and the Category II performance modifiers; codes only, no CPT descriptor text)
 * and HCPCS Level II (A–Z, from the CMS HCPCS annual file's modifier records). Written down here from
 * the 2026 lists: the HCPCS release files the packs are built from carry no modifier records. A
 * modifier not listed is not read as a modifier (parseCodeList): a payer rejects such a line.
 */
const CPT_LEVEL_I = [
  '22',
  '23',
  '24',
  '25',
  '26',
  '27',
  '32',
  '33',
  '47',
  '50',
  '51',
  '52',
  '53',
  '54',
  '55',
  '56',
  '57',
  '58',
  '59',
  '62',
  '63',
  '66',
  '73',
  '74',
  '76',
  '77',
  '78',
  '79',
  '80',
  '81',
  '82',
  '90',
  '91',
  '92',
  '93',
  '95',
  '96',
  '97',
  '99',
  'P1',
  'P2',
  'P3',
  'P4',
  'P5',
  'P6',
  '1P',
  '2P',
  '3P',
  '8P',
];

const range = (prefix: string, chars: string) => [...chars].map((c) => `${prefix}${c}`);

const HCPCS_LEVEL_II = [
  ...range('A', '123456789ADEFGHIJKMOPQRSTUVWXYZ'),
  ...range('B', 'ALOPRU'),
  ...range('C', 'ABCDEFGHIJKLMNOQRST'),
  'DA',
  ...range('E', '1234ABCDEJMPRTXY'),
  ...range('F', '123456789ABCPQRSTXY'),
  ...range('G', '0123456789ABCEFGHJKLMNOPQRSTUVWXYZ'),
  'H9',
  ...range('H', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
  ...range('J', '12345ABCDEGKLWZ'),
  ...range('K', '01234ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
  ...range('L', '1CDLMRSTU'),
  ...range('M', '2ABCDEFGHS'),
  ...range('N', '123BRU'),
  ...range('P', 'ABCDILMNOST'),
  ...range('Q', '0123456789ABCDEFGHJKLMNPQRSTWXYZ'),
  ...range('R', 'ABCDEIRT'),
  ...range('S', 'ABCDEFGHJKLMNQSTUVWYZ'),
  ...range('T', '123456789ABCDEFGHJKLMNPQRSTUVW'),
  ...range('U', '123456789ABCDEFGHJKNPQRS'),
  ...range('V', '123456789MP'),
  ...range('X', '12345EPSU'),
  ...range('Z', 'ABC'),
];

/** Ambulance origin and destination: one letter each for where the trip starts and ends (RH, EH, NH …). */
const AMBULANCE_PLACES = 'DEGHIJNPRSX';
const AMBULANCE = [...AMBULANCE_PLACES].flatMap((from) => range(from, AMBULANCE_PLACES));

const KNOWN = new Set([...CPT_LEVEL_I, ...HCPCS_LEVEL_II, ...AMBULANCE]);

/** True for a CPT Level I or HCPCS Level II modifier (upper case, two characters). */
export function isKnownModifier(modifier: string): boolean {
  return KNOWN.has(modifier);
}

/** How many modifiers the list holds (for the tests). */
export const KNOWN_MODIFIER_COUNT = KNOWN.size;
