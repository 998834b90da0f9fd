interface Props {
  dateOfService: string;
  setting: 'office' | 'hospital';
  onDate: (date: string) => void;
  onSetting: (setting: 'office' | 'hospital') => void;
  onReread: () => void;
}

/** Date of service (from the chart banner unless the coder changes it), setting, re-read. */
export function Toolbar({ dateOfService, setting, onDate, onSetting, onReread }: Props) {
  return (
    <div className="toolbar">
      <label>
        Date of service{' '}
        <input type="date" value={dateOfService} onChange={(e) => e.target.value && onDate(e.target.value)} />
      </label>
      <label>
        Setting{' '}
        <select value={setting} onChange={(e) => onSetting(e.target.value as Props['setting'])}>
          <option value="office">office</option>
          <option value="hospital">hospital</option>
        </select>
      </label>
      <button type="button" onClick={onReread}>
        Re-read note
      </button>
    </div>
  );
}

/** The tab runs no capture script: the site is not enabled. */
/** The page is read but shows no visit note: say so, and how to point ChartCoder at one. */
export function NoNoteNotice({ reason, onReread }: { reason: string; onReread: () => void }) {
  return (
    <div role="status" className="notice" aria-label="No note">
      <p>
        No visit note to code on this page ({reason}). Open the encounter note, or select its text, then read again.
      </p>
      <button type="button" onClick={onReread}>
        Read again
      </button>
    </div>
  );
}

export function NotReadingNotice({ onReadOnce }: { onReadOnce: () => void }) {
  return (
    <div role="status" className="notice">
      <p>
        ChartCoder is not reading this page: enable the site in the options (host access is granted per site), or read
        it once now.
      </p>
      <button type="button" onClick={onReadOnce}>
        Read this page once
      </button>{' '}
      <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
        Open options
      </button>
    </div>
  );
}
