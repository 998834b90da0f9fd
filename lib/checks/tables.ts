import { z } from 'zod';
import comprehensiveData from './data/comprehensive-codes.json';
import restrictionsData from './data/modifier-restrictions.json';
import episodeCuesData from './data/episode-cues.json';
import bodySitesData from './data/body-sites.json';

/** Rule tables of lib/checks/data, each behind a strict schema (unknown keys rejected). */
const CODE = z.string().regex(/^[0-9A-Z]{5}$/);
const MOD = z.string().regex(/^[0-9A-Z]{2}$/);

export const ComprehensiveCodesSchema = z.strictObject({
  about: z.string().min(1),
  cases: z.array(
    z.discriminatedUnion('kind', [
      z.strictObject({
        kind: z.literal('combination'),
        codes: z.array(CODE).min(2),
        report: CODE,
        unless: z.string().optional(),
        source: z.string().min(10),
      }),
      z.strictObject({ kind: z.literal('bilateral'), code: CODE, report: CODE, source: z.string().min(10) }),
    ]),
  ),
});

export const ModifierRestrictionsSchema = z.strictObject({
  about: z.string().min(1),
  restrictions: z.array(
    z.strictObject({ code: CODE, modifiers: z.array(MOD).min(1), why: z.string().min(5), source: z.string().min(10) }),
  ),
});

export const COMPREHENSIVE_CODES = ComprehensiveCodesSchema.parse(comprehensiveData).cases;
export const MODIFIER_RESTRICTIONS = ModifierRestrictionsSchema.parse(restrictionsData).restrictions;

/** A regular expression written as a string in a rule table (compiled case-insensitive). */
export const REGEX = z.string().refine((s) => {
  try {
    new RegExp(s, 'i');
    return true;
  } catch {
    return false;
  }
}, 'not a regular expression');

export const EpisodeCuesSchema = z.strictObject({
  about: z.string().min(1),
  initial: z.array(REGEX).min(1),
  subsequent: z.array(REGEX).min(1),
  sequela: z.array(REGEX).min(1),
  healing: z.strictObject({ G: REGEX, K: REGEX, P: REGEX }),
});
export const EPISODE_CUES = EpisodeCuesSchema.parse(episodeCuesData);

export const BodySitesSchema = z.strictObject({
  about: z.string().min(1),
  sites: z.array(z.strictObject({ site: z.string().min(2), title: REGEX, note: REGEX })).min(1),
});
export const BODY_SITES = BodySitesSchema.parse(bodySitesData).sites;
