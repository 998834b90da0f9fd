import { z } from 'zod';
import integralData from './data/integral-symptoms.json';

const IntegralSchema = z.strictObject({
  about: z.string().min(1),
  rules: z.array(
    z.strictObject({
      diagnoses: z.array(z.string().min(3)).min(1),
      symptoms: z.array(z.string().min(3)).min(1),
      why: z.string().min(1),
    }),
  ),
  not_routine: z.array(z.string().min(3)),
});
const DATA = IntegralSchema.parse(integralData);
const RULES = DATA.rules;

/** A finding no disease includes by definition (data not_routine; I.B.6): coded even when written as a diagnosis's effect. */
export function notRoutine(symptom: string): boolean {
  return DATA.not_routine.some((p) => symptom.startsWith(p));
}

/**
 * Why a symptom code is part of one of the established diagnoses (data/integral-symptoms.json;
 * Guidelines I.B.5): "Acute gastroenteritis. Nausea. Vomiting. Diarrhea." is coded K52.9 alone.
 * Undefined when no established diagnosis routinely includes the symptom.
 */
export function integralTo(symptom: string, established: readonly string[]): string | undefined {
  for (const r of RULES) {
    if (!r.symptoms.some((p) => symptom.startsWith(p))) continue;
    const dx = established.find((c) => c !== symptom && r.diagnoses.some((p) => c.startsWith(p)));
    if (dx) return `${r.why}: not coded with ${dx} (Guidelines I.B.5)`;
  }
  return undefined;
}
