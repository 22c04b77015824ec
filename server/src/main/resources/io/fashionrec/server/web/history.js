// The product pages this browser has visited, kept in localStorage so "recommended for you"
// survives reloads. Stored as a JSON list of ids, oldest first, each id once, newest 20 kept.

const KEY = 'fashionrec.history';
const CAPACITY = 20;

/** The visited ids, oldest first; [] when nothing was stored or the stored value is unreadable. */
export function viewedIds() {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(stored) ? stored.filter((id) => typeof id === 'string') : [];
  } catch {
    // A value written by something else (or storage being disabled) must not break the page.
    return [];
  }
}

/** Records a visit: the id moves to the newest end and the oldest ids fall off past the cap. */
export function recordView(id) {
  const ids = viewedIds().filter((seen) => seen !== id);
  ids.push(id);
  save(ids.slice(-CAPACITY));
}

export function forgetViews() {
  save([]);
}

function save(ids) {
  try {
    localStorage.setItem(KEY, JSON.stringify(ids));
  } catch {
    // Private browsing can refuse storage; the page then simply has no history to recommend from.
  }
}
