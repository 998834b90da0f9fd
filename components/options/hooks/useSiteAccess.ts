import { useState } from 'react';
import { originPattern, syncContentScripts } from '@/utils/site-access';
import { messageOf } from './announce';

/** The site being typed, the last message, and enabling / disabling a site's host permission. */
export function useSiteAccess(refresh: () => Promise<void>) {
  const [site, setSite] = useState('');
  const [siteMsg, setSiteMsg] = useState('');

  const enableSite = async () => {
    try {
      const pattern = originPattern(site.trim());
      // Must run in the click's user gesture: the browser shows its own prompt.
      const granted = await browser.permissions.request({ origins: [pattern] });
      if (!granted) return setSiteMsg(`Access to ${pattern} was not granted.`);
      await syncContentScripts({ injectOpenTabs: true });
      setSiteMsg(`Enabled ${pattern}. Reload open pages of that site if the panel does not see them.`);
      setSite('');
      await refresh();
    } catch (e) {
      setSiteMsg(messageOf(e));
    }
  };
  const disableSite = async (pattern: string) => {
    await browser.permissions.remove({ origins: [pattern] });
    await syncContentScripts();
    await refresh();
  };

  return { site, setSite, siteMsg, enableSite, disableSite };
}
