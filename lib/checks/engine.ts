import type { CodePack } from '../pack/code-pack';
import { parseDocument, type NoteDocument } from '../document/document';
import { NoteAnalyzer } from '../suggest/analyze';
import { dotIcd, HCPCS_CPT_RE } from '../codesets/code-format';
import { isIcd, type RuleContext } from './rule';
import { RULES } from './registry';
import { EncounterSchema, FindingSchema, type Encounter, type Finding, type Unparsed } from './schema';

const ANALYZERS = new WeakMap<CodePack, NoteAnalyzer>();

/**
 * Runs every registered rule on an encounter; findings are validated and ordered errors first.
 * Every rule answers from the releases in force on the date of service (`pack.atDate`): ICD-10-CM
 * by fiscal year, HCPCS and NCCI tables by quarter (release-resolver.ts).
 */
export function checkEncounter(input: unknown, pack: CodePack, rules = RULES): Finding[] {
  const parsed: Encounter = EncounterSchema.parse(input);
  // Documentation rules read the note through its analysis: made here when only the text is given.
  let encounter = parsed;
  if (parsed.note !== undefined && !parsed.analysis) {
    let analyzer = ANALYZERS.get(pack);
    if (!analyzer) ANALYZERS.set(pack, (analyzer = new NoteAnalyzer(pack)));
    encounter = { ...parsed, analysis: analyzer.analyze(parsed.note, { setting: parsed.setting, dateOfService: parsed.dateOfService }) };
  }
  const view = pack.dateOfService === encounter.dateOfService ? pack : pack.atDate(encounter.dateOfService);
  let doc: NoteDocument | undefined;
  const ctx: RuleContext = {
    encounter,
    pack: view,
    document: () => (encounter.note === undefined ? undefined : (doc ??= parseDocument(encounter.note))),
  };
  const order = { error: 0, warning: 1, info: 2 };
  const findings = rules.flatMap((r) => r.run(ctx).map((f) => FindingSchema.parse({ ...f, rule: r.id, kind: r.kind, source: r.source })));
  return findings.sort((a, b) => order[a.severity] - order[b.severity] || a.rule.localeCompare(b.rule));
}

const QUOTES = /^["'“”‘’`([{<]+|["'“”‘’`)\]}>.;:]+$/g;
const MODIFIER = /^[A-Z0-9]{2}$/;

/**
 * Parses "E11.9,I10,99214-25,20610x2" into reported diagnoses and services, in the order given.
 * ICD-10-CM codes need their dot after the 3rd character (an undotted E1122 reads as the HCPCS
 * code E1122). Quotes and brackets around an entry are dropped; an entry that is not a code as
 * written (a dot in the wrong place, an undotted ICD-10-CM code, a modifier that is not two
 * characters, a word) goes to `unparsed` with why, so it becomes a finding instead of vanishing.
 */
export function parseCodeList(list: string): Pick<Encounter, 'diagnoses' | 'services' | 'unparsed'> {
  const diagnoses: Encounter['diagnoses'] = [];
  const services: Encounter['services'] = [];
  const unparsed: Unparsed[] = [];
  list
    .split(/[,\s]+/)
    .filter(Boolean)
    .forEach((raw, i) => {
      const position = i + 1;
      const entry = raw.replace(QUOTES, '').toUpperCase();
      if (!entry) return;
      // Units after an x, behind the code or behind the modifiers ("20610x2", "20610x2-RT", "20610-50x2");
      // an ICD-10-CM code may hold X itself (M1A.0X10).
      const trailing = isIcd(entry) ? null : /^(.+-[A-Z0-9]{2})X(\d+)$/.exec(entry);
      const [codeUnits, ...mods] = (trailing ? trailing[1]! : entry).split('-');
      const [code = '', ownUnits] = isIcd(codeUnits!) ? [codeUnits!] : codeUnits!.split(/X(?=\d+$)/);
      const units = trailing ? trailing[2] : ownUnits;
      const badModifier = mods.find((m) => !MODIFIER.test(m));
      if (badModifier !== undefined) {
        unparsed.push({ text: raw, position, reason: `modifier "${badModifier}" is not a two-character modifier` });
        return;
      }
      if (units !== undefined && Number(units) < 1) {
        unparsed.push({ text: raw, position, reason: `units "${units}" must be 1 or more` });
        return;
      }
      const shape = codeShape(code);
      if (shape.kind === 'unparsed') {
        unparsed.push({ text: raw, position, reason: shape.reason, ...(shape.meant ? { meant: shape.meant } : {}) });
        return;
      }
      const reported = { code, modifiers: mods, units: units ? Number(units) : 1, line: 0 };
      if (shape.kind === 'icd') {
        if (mods.length || units) unparsed.push({ text: raw, position, reason: 'a diagnosis code takes no modifiers or units', meant: code });
        else diagnoses.push({ ...reported, line: diagnoses.length + 1 });
      } else services.push({ ...reported, line: services.length + 1 });
    });
  return { diagnoses, services, unparsed };
}

type Shape = { kind: 'icd' | 'service' } | { kind: 'unparsed'; reason: string; meant?: string };

function codeShape(code: string): Shape {
  if (isIcd(code)) return { kind: 'icd' };
  if (HCPCS_CPT_RE.test(code)) return { kind: 'service' };
  const bare = code.replace(/\./g, '');
  const icdLike = /^[A-Z][0-9][0-9A-Z]{1,5}$/.test(bare);
  if (code.includes('.')) {
    return icdLike
      ? { kind: 'unparsed', reason: 'the dot is not after the 3rd character', meant: dotIcd(bare) }
      : { kind: 'unparsed', reason: 'not an ICD-10-CM, CPT or HCPCS code as written' };
  }
  if (icdLike && bare.length > 3) return { kind: 'unparsed', reason: 'an ICD-10-CM code is written with a dot after the 3rd character', meant: dotIcd(bare) };
  return { kind: 'unparsed', reason: 'not an ICD-10-CM, CPT or HCPCS code as written' };
}
