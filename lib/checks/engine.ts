import type { CodePack } from '../pack/code-pack';
import { NoteAnalyzer } from '../suggest/analyze';
import { isIcd } from './rule';
import { RULES } from './registry';
import { EncounterSchema, FindingSchema, type Encounter, type Finding } from './schema';

/** Runs every registered rule on an encounter; findings are validated and ordered errors first. */
const ANALYZERS = new WeakMap<CodePack, NoteAnalyzer>();

export function checkEncounter(input: unknown, pack: CodePack, rules = RULES): Finding[] {
  const parsed: Encounter = EncounterSchema.parse(input);
  // Documentation rules read the note through its analysis: made here when only the text is given.
  let encounter = parsed;
  if (parsed.note !== undefined && !parsed.analysis) {
    let analyzer = ANALYZERS.get(pack);
    if (!analyzer) ANALYZERS.set(pack, (analyzer = new NoteAnalyzer(pack)));
    encounter = { ...parsed, analysis: analyzer.analyze(parsed.note, { setting: parsed.setting, dateOfService: parsed.dateOfService }) };
  }
  const order = { error: 0, warning: 1, info: 2 };
  const findings = rules.flatMap((r) => r.run({ encounter, pack }).map((f) => FindingSchema.parse({ ...f, rule: r.id, kind: r.kind, source: r.source })));
  return findings.sort((a, b) => order[a.severity] - order[b.severity] || a.rule.localeCompare(b.rule));
}

/** Parses "E11.9,I10,99214-25,20610x2" into reported diagnoses and services, in the order given. */
export function parseCodeList(list: string): Pick<Encounter, 'diagnoses' | 'services'> {
  const diagnoses: Encounter['diagnoses'] = [];
  const services: Encounter['services'] = [];
  for (const raw of list.split(/[,\s]+/).filter(Boolean)) {
    const [codeUnits, ...mods] = raw.toUpperCase().split('-');
    const [code, units] = codeUnits!.split(/X(?=\d+$)/);
    // ICD-10-CM needs its dot beyond 3 characters here: undotted E1122 would read like HCPCS E1122.
    const isDx = isIcd(code!);
    const entry = { code: code!, modifiers: mods, units: units ? Number(units) : 1, line: 0 };
    if (isDx) diagnoses.push({ ...entry, line: diagnoses.length + 1 });
    else services.push({ ...entry, line: services.length + 1 });
  }
  return { diagnoses, services };
}
