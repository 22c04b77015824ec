// "Recommended for you": recommendations from the product pages this browser visited, each
// card saying which visited product it is closest to.
import { getProduct, recommend } from './api.js';
import { fillList, resultCard } from './cards.js';
import { showError } from './dom.js';
import { forgetViews, viewedIds } from './history.js';

const K = 8;

const section = document.getElementById('for-you');
const list = document.getElementById('for-you-list');

/** Names of visited products by id, so "because you viewed …" needs no request per card. */
const names = new Map();
let current = null;

/** Remembers a product's name for the "because you viewed" lines (e.g. from its page). */
export function rememberName(id, name) {
  names.set(id, name);
}

async function nameOf(id, signal) {
  if (!names.has(id)) {
    const product = await getProduct(id, signal);
    names.set(id, product.name || `product ${id}`);
  }
  return names.get(id);
}

async function because(result, signal) {
  const closest = result.closest?.[0];
  if (!closest) return null;
  return `because you viewed ${await nameOf(closest.id, signal)}`;
}

/**
 * Shows the row inside the given slot when this browser has a history, hides it otherwise.
 * @param {HTMLElement} slot where the row goes on the current page
 */
export async function showForYou(slot) {
  current?.abort();
  const history = viewedIds();
  if (history.length === 0) {
    section.hidden = true;
    return;
  }
  slot.append(section);
  section.hidden = false;
  const abort = new AbortController();
  current = abort;
  list.setAttribute('aria-busy', 'true');
  try {
    const answer = await recommend(history, K, abort.signal);
    const notes = await Promise.all(answer.results.map((result) => because(result, abort.signal)));
    if (current !== abort) return;
    fillList(list,
      answer.results.map((result, i) => resultCard(result, 'for-you-item', notes[i])),
      'Nothing to recommend yet: visit a few more products.');
  } catch (error) {
    if (current === abort) showError(error);
  } finally {
    if (current === abort) list.setAttribute('aria-busy', 'false');
  }
}

export function setUpForYou() {
  document.getElementById('clear-history').addEventListener('click', () => {
    current?.abort();
    forgetViews();
    list.replaceChildren();
    section.hidden = true;
  });
}
