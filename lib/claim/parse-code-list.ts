import { dotIcd } from '../codesets/code-format';
import { codeSystemOf, isIcd } from '../domain/code-system';
import type { Encounter, Unparsed } from '../checks/schema';
import { isKnownModifier } from './modifiers';

const QUOTES = /^["'“”‘’`([{<]+|["'“”‘’`)\]}>.;:]+$/g;
const MODIFIER = /^[A-Z0-9]{2}$/;

/**
 * Parses "E11.9,I10,99214-25,20610x2" into reported diagnoses and services, in the order given.
 * ICD-10-CM codes need their dot after the 3rd character (an undotted E1122 reads as the HCPCS
 * code E1122). Quotes and brackets around an entry are dropped; an entry that is not a code as
 * written (a dot in the wrong place, an undotted ICD-10-CM code, a modifier that is not two
 * characters or is neither CPT nor HCPCS Level II, a word) goes to `unparsed` with why, so it becomes a finding instead of vanishing.
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
      // A two-character modifier that is neither CPT nor HCPCS Level II (99214-ZZ): the line is rejected as sent.
      const unknownModifier = isIcd(code) ? undefined : mods.find((m) => !isKnownModifier(m));
      if (unknownModifier !== undefined) {
        unparsed.push({
          text: raw,
          position,
          reason: `modifier "${unknownModifier}" is not a CPT or HCPCS Level II modifier`,
        });
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
        if (mods.length || units)
          unparsed.push({ text: raw, position, reason: 'a diagnosis code takes no modifiers or units', meant: code });
        else diagnoses.push({ ...reported, line: diagnoses.length + 1 });
      } else services.push({ ...reported, line: services.length + 1 });
    });
  return { diagnoses, services, unparsed };
}

type Shape = { kind: 'icd' | 'service' } | { kind: 'unparsed'; reason: string; meant?: string };

function codeShape(code: string): Shape {
  if (isIcd(code)) return { kind: 'icd' };
  if (codeSystemOf(code)) return { kind: 'service' };
  const bare = code.replace(/\./g, '');
  const icdLike = /^[A-Z][0-9][0-9A-Z]{1,5}$/.test(bare);
  if (code.includes('.')) {
    return icdLike
      ? { kind: 'unparsed', reason: 'the dot is not after the 3rd character', meant: dotIcd(bare) }
      : { kind: 'unparsed', reason: 'not an ICD-10-CM, CPT or HCPCS code as written' };
  }
  if (icdLike && bare.length > 3)
    return {
      kind: 'unparsed',
      reason: 'an ICD-10-CM code is written with a dot after the 3rd character',
      meant: dotIcd(bare),
    };
  return { kind: 'unparsed', reason: 'not an ICD-10-CM, CPT or HCPCS code as written' };
}
