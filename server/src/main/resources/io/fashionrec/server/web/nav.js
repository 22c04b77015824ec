// In-page navigation: links marked data-nav change the URL with history.pushState and the app
// re-renders, so product pages have shareable URLs without reloading the page.

export const NAVIGATE_EVENT = 'fashionrec:navigate';

/** Moves to a URL of this site (path and query) and asks the app to show it. */
export function navigate(url) {
  if (url !== location.pathname + location.search) history.pushState(null, '', url);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** Takes over plain left clicks on data-nav links; modified clicks keep the browser's meaning. */
export function interceptLinks() {
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target.closest('a[data-nav]');
    if (!link || link.origin !== location.origin) return;
    event.preventDefault();
    navigate(link.pathname + link.search);
  });
}
