import type { Settings } from '@/utils/db';

interface Props {
  settings: Settings;
  save: (patch: Partial<Settings>) => Promise<void>;
}

/** Care setting, note-text storage, audit retention, the user's label, the spot-audit share. */
export function SettingsSection({ settings, save }: Props) {
  return (
    <section aria-labelledby="settings-h">
      <h2 id="settings-h">Settings</h2>
      <p>
        <label>
          Setting{' '}
          <select
            value={settings.setting}
            onChange={(e) => void save({ setting: e.target.value as Settings['setting'] })}
          >
            <option value="office">office (outpatient rules: code symptoms, not uncertain diagnoses)</option>
            <option value="hospital">hospital (inpatient: uncertain diagnoses at discharge are coded)</option>
          </select>
        </label>
      </p>
      <p>
        <label>
          <input
            type="checkbox"
            checked={settings.storeNoteText}
            onChange={(e) => void save({ storeNoteText: e.target.checked })}
          />{' '}
          Store the note text with each review (off: only a hash and the length are kept)
        </label>
      </p>
      <p>
        <label>
          Keep audit entries for{' '}
          <input
            type="number"
            min={1}
            max={3650}
            value={settings.auditRetentionDays}
            onChange={(e) =>
              void save({ auditRetentionDays: Math.max(1, Math.min(3650, Number(e.target.value) || 1)) })
            }
          />{' '}
          days
        </label>
      </p>
      <p>
        <label>
          Your name in the audit trail{' '}
          <input value={settings.userLabel} onChange={(e) => void save({ userLabel: e.target.value.slice(0, 80) })} />
        </label>
      </p>
      <p>
        <label>
          Offer a compliance spot-audit for{' '}
          <input
            type="number"
            min={0}
            max={100}
            value={settings.spotAuditPercent}
            onChange={(e) => void save({ spotAuditPercent: Math.max(0, Math.min(100, Number(e.target.value) || 0)) })}
          />{' '}
          % of reviews
        </label>
      </p>
    </section>
  );
}
