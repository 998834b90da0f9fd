import { feeScheduleOf, feeScheduleRelease, surgeryKind } from '../fee-schedule';
import { isIcd, type Rule } from '../rule';

type Out = ReturnType<Rule['run']>[number];
const SIDE_MODIFIERS = ['RT', 'LT'];

/**
 * How a procedure on both sides is reported, by the Physician Fee Schedule's bilateral surgery
 * indicator (NCCI Policy Manual Chapter I §V, MUEs and bilateral surgery; the IOM rule the manual
 * restates): indicator 1 — modifier 50 with one unit (a diagnostic procedure may be RT and LT on
 * two lines); 2 — the code is already bilateral: one unit, no 50; 3 — 50 with one unit or RT/LT
 * (diagnostic: also two units); 0 — no bilateral payment, the code's own unit definition counts;
 * 9 — the bilateral concept does not apply.
 */
export const rule: Rule = {
  id: 'bilateral-modifier-units',
  kind: 'conflict',
  title: 'Bilateral procedure reported with the wrong modifier or units',
  source: `NCCI Policy Manual Chapter I §V (bilateral surgery indicators 0, 1, 2, 3, 9; modifier 50 with one unit); indicators from the ${feeScheduleRelease()}`,
  run({ encounter }) {
    const out: Out[] = [];
    const services = encounter.services.filter((s) => !isIcd(s.code));
    const finding = (
      severity: Out['severity'],
      code: string,
      message: string,
      rationale: string,
      action: string,
    ): Out => ({ severity, message, rationale, codes: [code], evidence: [], action });
    for (const s of services) {
      const fs = feeScheduleOf(s.code);
      if (!fs) continue;
      const surgical = surgeryKind(fs.globalPeriod) !== undefined;
      const id = `${s.code} (line ${s.line})`;
      if (s.modifiers.includes('50')) {
        if (s.modifiers.some((m) => SIDE_MODIFIERS.includes(m))) {
          out.push(
            finding(
              'error',
              s.code,
              `${id} carries 50 together with ${s.modifiers.filter((m) => SIDE_MODIFIERS.includes(m)).join('/')}`,
              'Modifier 50 already says both sides; RT or LT on the same line contradicts it.',
              `Keep 50 (both sides) or RT/LT (one side), whichever the record documents.`,
            ),
          );
        }
        if (fs.bilateral === 2) {
          out.push(
            finding(
              'error',
              s.code,
              `${id} carries 50, but the code is bilateral by definition (bilateral indicator 2)`,
              'A code that already describes both sides (or either side at the same price) is reported once, with one unit and no 50.',
              `Report ${s.code} with one unit and without 50.`,
            ),
          );
        } else if (fs.bilateral === 0 || fs.bilateral === 9) {
          out.push(
            finding(
              'warning',
              s.code,
              `${id} carries 50, but the fee schedule has no bilateral adjustment for it (bilateral indicator ${fs.bilateral})`,
              fs.bilateral === 0
                ? 'Indicator 0: a procedure on both sides is paid as one; the code’s own unit definition decides how many units are reported.'
                : 'Indicator 9: the bilateral concept does not apply to this code.',
              `Remove 50; report ${s.code} as its unit definition says (per structure, per lesion …), with RT/LT where the payer asks for them.`,
            ),
          );
        } else if (s.units > 1) {
          out.push(
            finding(
              'warning',
              s.code,
              `${id} carries 50 with ${s.units} units`,
              'A bilateral procedure is one line with 50 and one unit; more units only when it was done bilaterally at more than one site (one unit per site).',
              `Report ${s.code}-50 with 1 unit, unless the record documents ${s.units} separate sites done on both sides.`,
            ),
          );
        }
        continue;
      }
      if (fs.bilateral === 2 && s.units > 1) {
        out.push(
          finding(
            'error',
            s.code,
            `${id} is reported with ${s.units} units, but the code is bilateral by definition (bilateral indicator 2)`,
            'A bilateral code is reported with one unit, however many sides.',
            `Report ${s.code} with 1 unit.`,
          ),
        );
        continue;
      }
      if (fs.bilateral !== 1 && fs.bilateral !== 3) continue;
      const sides = s.modifiers.filter((m) => SIDE_MODIFIERS.includes(m));
      if (s.units > 1 && sides.length === 0 && (surgical || fs.bilateral === 1)) {
        out.push(
          finding(
            'warning',
            s.code,
            `${id} is reported with ${s.units} units and no 50, RT or LT`,
            `Bilateral indicator ${fs.bilateral}: a procedure on both sides is one line with modifier 50 and one unit; two sites on one side are separate lines with the anatomic or XS modifier that tells them apart.`,
            `If both sides were done, report ${s.code}-50 with 1 unit; if two sites on one side, report two lines with RT/LT (or XS) as documented.`,
          ),
        );
        continue;
      }
      const other = services.find(
        (o) =>
          o !== s &&
          o.code === s.code &&
          o.line > s.line &&
          sides.length === 1 &&
          o.modifiers.includes(sides[0] === 'RT' ? 'LT' : 'RT'),
      );
      if (other && fs.bilateral === 1 && surgical) {
        out.push(
          finding(
            'warning',
            s.code,
            `${s.code} is reported on two lines, RT (line ${sides[0] === 'RT' ? s.line : other.line}) and LT (line ${sides[0] === 'RT' ? other.line : s.line})`,
            'Bilateral indicator 1: a bilateral surgical procedure is reported on one line with modifier 50 and one unit (two lines with RT and LT are for diagnostic procedures).',
            `Report one line ${s.code}-50 with 1 unit instead of the RT and LT lines.`,
          ),
        );
      }
    }
    return out;
  },
};
