import type { CodePack } from '../pack/code-pack';
import type { Suggestion } from './schema';

/**
 * Drugs given in the office and billed with HCPCS Level II J-codes ("Injection, ketorolac
 * tromethamine, per 15 mg"): the drug and the dose come from the HCPCS long description, the
 * units are the documented dose divided by the code's dose (HCPCS descriptors define the billing
 * unit; partial units round up, CMS Claims Processing Manual ch. 17 §70). Only sentences that say
 * the drug was given (IM, IV, injected, administered …) count: a medication list is not a service.
 */
interface DrugCode {
  code: string;
  title: string;
  release: string;
  /** Active moiety: the first word of the drug name ("ketorolac"). */
  moiety: string;
  /** Other words of the name (salt, form) that disambiguate between codes of one moiety. */
  extra: string[];
  /** Words of a form the title names after the drug ("preservative free", "extended-release"): the note must say them. */
  requires: string[];
  dose: number;
  unit: Unit;
  upTo: boolean;
}
type Unit = 'mg' | 'mcg' | 'g' | 'units' | 'ml';

// "Injection, <drug> [(brand)][, <form>…], [per|up to] <dose> <unit>": the form segments ("not otherwise
// specified", "preservative free") sit between the name and the dose (J3301, J3300).
const TITLE =
  /^Injection, ([a-z][a-z0-9 \-/]*?)(?: \(([^)]*)\))?((?:, [a-z][a-z -]*?)*), (per |up to )?(\d+(?:\.\d+)?) ?(mg|mcg|microgram|micrograms|g|gm|units?|ml|cc)\b/i;
// "given the choice", "given that" weigh a decision; they give no drug.
const GIVEN =
  /\b(given(?! (?:that|the (?:choice|fact|option|risk|risks|circumstances|situation|history|findings|lack|absence|severity|presence|age|patient's)\b))|administered|injected|injection|inj|im|iv|ivpb|intramuscular(?:ly)?|intravenous(?:ly)?|subcutaneous(?:ly)?|sc|sq|push)\b/i;
// A drug the patient "is on" (a running infusion), one to "convert" or "switch" from, or one the
// author "concurs" with "as per" another physician is a regimen, not a drug given at this visit.
const NOT_GIVEN =
  /\b(not given|declined|refused|held|deferred|will give|to be given|consider|if needed|prn|allerg|(?:is|was|remains|remained|been|continues?|continued|still) on\b|convert|switch|concur|as per\b|recommend|prescription|heparin lock)/i;
/**
 * A drug given before this encounter is another provider's service, not one of this visit: "two
 * weeks ago", "prior to arrival", "at a local ER", "en route", "has been receiving" chemotherapy
 * cycles, and whatever the history sections tell (a claim reports the services of its own date).
 */
const BEFORE_THIS_VISIT =
  /\b(ago|prior to (?:arrival|admission|transfer|rupture)|before (?:arrival|admission|transfer|surgery)|(?:local|outside|another|other) (?:er|emergency|hospital|facility|clinic)|en ?route|(?:has|have|had) been (?:receiving|given|treated)|last (?:dose|one|cycle))\b/i;
const HISTORY_SECTIONS = new Set(['chief_complaint', 'hpi', 'pmh', 'psh', 'family_history', 'social_history']);
/** A drug taken by mouth is no injection code, whatever the sentence's other words ("given Tylenol with Codeine 10 mL p.o."). */
const BY_MOUTH =
  /(?:\bp\.?o\.?(?![a-z])|\bby mouth\b|\borally\b|\boral\b|\belixir\b|\btablets?\b|\btabs?\b|\bcapsules?\b)/i;
/** A plan to change a regimen ("we will increase his Lasix to 80 mg IV") manages a drug; it gives none at this visit. */
const PLANNED =
  /\bwill (?:also )?(?:increase|start|begin|continue|decrease|change|add|resume|restart|switch|titrate)\b/i;
const DOSE = /(\d+(?:\.\d+)?)\s*(mg|mcg|micrograms?|g|gm|units?|ml|cc)\b/gi;

function unitOf(u: string): Unit {
  const x = u.toLowerCase();
  if (x === 'mg') return 'mg';
  if (x === 'mcg' || x.startsWith('microgram')) return 'mcg';
  if (x === 'g' || x === 'gm') return 'g';
  if (x === 'ml' || x === 'cc') return 'ml';
  return 'units';
}
/** Words a HCPCS title puts before the drug name that describe the product, not the drug. */
const PRODUCT_WORDS = new Set(['sterile', 'sodium', 'human']);
/** Salts: "calcium chloride" is not the code's "calcium glycerophosphate and calcium lactate". */
const SALT =
  /^(chloride|gluconate|carbonate|bicarbonate|sulfate|acetate|citrate|lactate|phosphate|glycerophosphate|hydrochloride|succinate|tartrate|mesylate|maleate|bromide|oxide)$/;
/**
 * Local anesthetics given for a procedure (a nerve block, local infiltration) are part of the
 * procedure, not a drug billed apart (NCCI Policy Manual Ch. II: local anesthesia, local
 * infiltration and regional blocks are not separately reportable by the physician performing it).
 */
const LOCAL_ANESTHETICS = new Set([
  'lidocaine',
  'bupivacaine',
  'ropivacaine',
  'mepivacaine',
  'chloroprocaine',
  'tetracaine',
  'prilocaine',
  'articaine',
  'procaine',
  'xylocaine',
  'marcaine',
  'sensorcaine',
]);
const FOR_A_PROCEDURE =
  /\b(block|blocks|local|locally|infiltrat\w*|anesthe\w*|anaesthe\w*|numb\w*|procedure|prepped|incision|repair|sutur\w*|laceration)\b/i;
const SYSTEMIC = /\b(iv|i\.v\.|intravenous(ly)?|drip|infusion|bolus)\b/i;
/** Agents of anesthesia or sedation for a procedure: the anesthesia service's, not a drug billed apart (same chapter). */
const ANESTHESIA_AGENTS = new Set([
  'fentanyl',
  'propofol',
  'midazolam',
  'versed',
  'ketamine',
  'sufentanil',
  'remifentanil',
  'succinylcholine',
  'rocuronium',
  'vecuronium',
]);

/** Whether the drug serves the procedure the sentence describes (a local anesthetic, its epinephrine, an anesthetic agent). */
function partOfTheProcedure(drug: string, sentence: string, after: string, section: string): boolean {
  // A local anesthetic is one unless given into a vein ("lidocaine 100 mg IV bolus" for an arrhythmia).
  if (LOCAL_ANESTHETICS.has(drug)) return !SYSTEMIC.test(after);
  if (ANESTHESIA_AGENTS.has(drug)) return section === 'procedures' || FOR_A_PROCEDURE.test(sentence);
  // "lidocaine with epinephrine": the vasoconstrictor is part of the local anesthetic.
  return drug === 'epinephrine' && [...LOCAL_ANESTHETICS].some((a) => sentence.includes(a));
}

const TO_MG: Partial<Record<Unit, number>> = { mg: 1, mcg: 0.001, g: 1000 };

const cache = new WeakMap<CodePack, Map<string, DrugCode[]>>();

export function drugIndex(pack: CodePack): Map<string, DrugCode[]> {
  let idx = cache.get(pack);
  if (idx) return idx;
  idx = new Map();
  for (const h of pack.listHcpcs()) {
    const m = TITLE.exec(h.title);
    if (!m || h.termDate) continue;
    // Brand-specific codes (a parenthesised product name) need the brand in the note: skipped here.
    if (m[2]) continue;
    const words = m[1]!
      .toLowerCase()
      .split(/[\s\-/]+/)
      .filter(Boolean);
    // "Injection, sterile cefuroxime sodium": the drug is cefuroxime; "sterile" describes the product
    // and is also every procedure note's "sterile fashion".
    while (words.length > 1 && PRODUCT_WORDS.has(words[0]!)) words.shift();
    // "not otherwise specified" is the plain drug; any other form must be written in the note.
    const forms = (m[3] ?? '')
      .split(',')
      .map((f) => f.trim().toLowerCase())
      .filter((f) => f && f !== 'not otherwise specified');
    const d: DrugCode = {
      code: h.code,
      title: h.title,
      release: h.release,
      moiety: words[0]!,
      extra: words.slice(1),
      requires: forms.flatMap((f) => f.split(/[\s-]+/)).filter((w) => w.length > 2),
      dose: Number(m[5]),
      unit: unitOf(m[6]!),
      upTo: /up to/i.test(m[4] ?? ''),
    };
    if (d.moiety.length < 4) continue;
    idx.set(d.moiety, [...(idx.get(d.moiety) ?? []), d]);
  }
  cache.set(pack, idx);
  return idx;
}

/** Billing units for a documented dose: ceil(dose / code dose), in a common unit; undefined when not comparable. */
export function unitsFor(dose: number, unit: Unit, code: DrugCode): number | undefined {
  if (unit === code.unit) return Math.max(1, Math.ceil(dose / code.dose - 1e-9));
  const a = TO_MG[unit];
  const b = TO_MG[code.unit];
  if (a === undefined || b === undefined) return undefined;
  return Math.max(1, Math.ceil((dose * a) / (code.dose * b) - 1e-9));
}

export interface SentenceSpan {
  start: number;
  end: number;
  section: string;
}

export function drugSuggestions(pack: CodePack, text: string, sentences: SentenceSpan[]): Suggestion[] {
  const idx = drugIndex(pack);
  if (!idx.size) return [];
  const out = new Map<string, Suggestion>();
  for (const s of sentences) {
    if (s.section === 'medications' || s.section === 'allergies' || HISTORY_SECTIONS.has(s.section)) continue;
    const sentence = text.slice(s.start, s.end);
    if (!GIVEN.test(sentence) || NOT_GIVEN.test(sentence)) continue;
    if (BEFORE_THIS_VISIT.test(sentence) || PLANNED.test(sentence)) continue;
    const lower = sentence.toLowerCase();
    for (const word of lower.matchAll(/[a-z][a-z-]{3,}/g)) {
      const candidates = idx.get(word[0]);
      if (!candidates) continue;
      const at = word.index!;
      const after = lower.slice(at, at + 40).split(/,| and /)[0]!;
      if (partOfTheProcedure(word[0], lower, after, s.section) || BY_MOUTH.test(after)) continue;
      // The dose written after the drug name, within a few words.
      DOSE.lastIndex = at;
      const dm = DOSE.exec(lower);
      const doseOk = dm && dm.index - at < 60;
      // Prefer the code whose salt/form words the sentence names; then the smallest billing unit.
      // A salt written after the drug that the code does not name is another product.
      const salt = /^[\s-]*([a-z]+)/.exec(lower.slice(at + word[0].length))?.[1] ?? '';
      const scored = candidates
        .filter((c) => c.requires.every((w) => lower.includes(w)))
        .filter((c) => !SALT.test(salt) || c.extra.includes(salt))
        .map((c) => ({
          c,
          hits: c.extra.filter((w) => lower.includes(w)).length,
          units: doseOk ? unitsFor(Number(dm[1]), unitOf(dm[2]!), c) : undefined,
        }))
        .sort(
          (a, b) =>
            b.hits - a.hits ||
            Number(b.units !== undefined) - Number(a.units !== undefined) ||
            a.c.dose - b.c.dose ||
            a.c.code.localeCompare(b.c.code),
        );
      if (scored.length === 0) continue;
      const best = scored[0]!;
      const c = best.c;
      if (out.has(c.code)) continue;
      const evidence = [
        {
          start: s.start + at,
          end: s.start + at + word[0].length,
          text: text.slice(s.start + at, s.start + at + word[0].length),
        },
      ];
      if (doseOk)
        evidence.push({
          start: s.start + dm.index,
          end: s.start + dm.index + dm[0].length,
          text: text.slice(s.start + dm.index, s.start + dm.index + dm[0].length),
        });
      const units = best.units;
      const others = scored.slice(1, 4).map((x) => x.c.code);
      out.set(c.code, {
        code: c.code,
        description: c.title,
        system: 'HCPCS',
        release: c.release,
        billable: true,
        score: 10 + best.hits,
        assertion: 'present',
        section: s.section,
        evidence,
        mentions: 1,
        ...(units !== undefined ? { units } : {}),
        reason: {
          matched: c.title,
          via: 'hcpcs-drug',
          note:
            (units !== undefined
              ? `${units} unit${units > 1 ? 's' : ''}: ${dm![1]} ${unitOf(dm![2]!)} documented, ${c.upTo ? 'up to ' : ''}${c.dose} ${c.unit} per unit`
              : `units: ${doseOk ? `the documented ${dm![2]} does not convert to ${c.unit}` : 'no dose written next to the drug'} — check the dose`) +
            (others.length ? `; other codes for ${c.moiety}: ${others.join(', ')}` : ''),
        },
      });
    }
  }
  return [...out.values()];
}
