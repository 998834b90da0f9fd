import { z } from 'zod';

/**
 * Where the visit took place, as the coder chooses it. It decides how an uncertain diagnosis is
 * coded (office: not coded, Guidelines IV.H; hospital: coded as if established, II.H), the default
 * E/M family (office: established; hospital: subsequent) and the claim's place of service.
 */
export const SETTINGS = ['office', 'hospital'] as const;
export type Setting = (typeof SETTINGS)[number];
export const SettingSchema = z.enum(SETTINGS);

/** True for a string that names a setting (CSV columns, command-line values). */
export function isSetting(value: string): value is Setting {
  return (SETTINGS as readonly string[]).includes(value);
}
