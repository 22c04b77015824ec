// The catalog grid: text search, attribute filters built from the API's facets, and "show more"
// pagination. The search and filters live in the URL query (/?q=shirt&gender=Men), so they are
// shareable and the back button undoes them.
import { listProducts } from './api.js';
import { fillList, productCard } from './cards.js';
import { h, humanize, showError } from './dom.js';
import { navigate } from './nav.js';

const PAGE_SIZE = 24;

const grid = document.getElementById('grid');
const filtersForm = document.getElementById('filters');
const moreButton = document.getElementById('more-button');
const countLine = document.getElementById('catalog-count');
const heading = document.getElementById('catalog-heading');

/** What the grid currently shows; replaced on each showCatalog so stale answers are dropped. */
let current = null;

function catalogUrl(params) {
  const query = params.toString();
  return query ? `/?${query}` : '/';
}

function title(params) {
  const q = params.get('q');
  const filters = [...params].filter(([name]) => name !== 'q').map(([, value]) => value);
  const parts = [q ? `“${q}”` : null, ...filters].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : 'All products';
}

function renderFilters(params, facets) {
  const selects = Object.entries(facets ?? {}).map(([attribute, values]) => {
    const chosen = params.get(attribute) ?? '';
    const options = values.map(({ value, count }) =>
      h('option', { value, selected: value.toLowerCase() === chosen.toLowerCase() }, `${value} (${count})`));
    if (chosen && !values.some(({ value }) => value.toLowerCase() === chosen.toLowerCase())) {
      // A filter that matches nothing still has to be visible so it can be taken back.
      options.unshift(h('option', { value: chosen, selected: true }, `${chosen} (0)`));
    }
    const id = `filter-${attribute}`;
    return h('div', { class: 'filter' },
      h('label', { for: id, class: 'field__label' }, humanize(attribute)),
      h('select', { id, name: attribute, 'data-testid': `filter-${attribute}` },
        h('option', { value: '' }, 'All'), options));
  });
  const filtered = [...params.keys()].some((name) => name !== 'q');
  const clear = filtered
    ? h('button', { type: 'button', class: 'button button--quiet', 'data-action': 'clear-filters' }, 'Clear filters')
    : null;
  filtersForm.replaceChildren(...selects, clear ?? '');
}

async function loadPage(state) {
  moreButton.disabled = true;
  grid.setAttribute('aria-busy', 'true');
  try {
    const answer = await listProducts(state.params, state.nextPage, PAGE_SIZE, state.abort.signal);
    if (state !== current) return;
    const cards = answer.products.map(productCard);
    if (state.nextPage === 0) {
      renderFilters(state.params, answer.facets);
      fillList(grid, cards, 'No product matches. Try fewer words or clear a filter.');
    } else {
      grid.append(...cards);
    }
    state.nextPage += 1;
    state.loaded += answer.products.length;
    countLine.textContent = `${answer.total} product${answer.total === 1 ? '' : 's'}`;
    moreButton.hidden = state.loaded >= answer.total || answer.products.length === 0;
  } catch (error) {
    if (state === current) showError(error);
  } finally {
    if (state === current) {
      moreButton.disabled = false;
      grid.setAttribute('aria-busy', 'false');
    }
  }
}

/**
 * Shows the first page of the catalog for a URL query (q plus attribute filters).
 * @param {URLSearchParams} params the query of the current URL
 */
export function showCatalog(params) {
  current?.abort.abort();
  const words = params.get('q') ?? '';
  document.getElementById('search-input').value = words;
  heading.textContent = words ? `Results for “${words}”` : 'All products';
  document.title = `${title(params)} — fashionrec`;
  current = { params, nextPage: 0, loaded: 0, abort: new AbortController() };
  return loadPage(current);
}

/** Wires the controls once; they act on whatever the grid shows at the time. */
export function setUpCatalog() {
  document.getElementById('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const params = location.pathname === '/' ? new URLSearchParams(location.search) : new URLSearchParams();
    const words = document.getElementById('search-input').value.trim();
    if (words) params.set('q', words); else params.delete('q');
    navigate(catalogUrl(params));
  });
  filtersForm.addEventListener('change', (event) => {
    const select = event.target.closest('select');
    if (!select) return;
    const params = new URLSearchParams(location.search);
    if (select.value) params.set(select.name, select.value); else params.delete(select.name);
    navigate(catalogUrl(params));
  });
  filtersForm.addEventListener('click', (event) => {
    if (!event.target.closest('[data-action="clear-filters"]')) return;
    const params = new URLSearchParams();
    const words = new URLSearchParams(location.search).get('q');
    if (words) params.set('q', words);
    navigate(catalogUrl(params));
  });
  filtersForm.addEventListener('submit', (event) => event.preventDefault());
  moreButton.addEventListener('click', () => loadPage(current));
}
