/**
 * Runs at document start in the top frame of an enabled EHR site (registered at run time for the
 * origins the user granted, utils/site-access.ts): it only tells the background that a chart page
 * is loading, so the analysis service loads its code pack while the page loads instead of after
 * the capture script reports the note. It reads nothing of the page and sends nothing else.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  // Nothing is announced to the page (WXT posts each script's start with window.postMessage).
  noScriptStartedPostMessage: true,
  main() {
    if (window.top !== window) return;
    void browser.runtime.sendMessage({ type: 'cc:warm' }).catch(() => {});
  },
});
