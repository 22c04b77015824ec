// The product page: the product itself and a strip of similar products, re-ranked live as the
// image/text balance slider moves or the "only the same" boxes change.
import { getProduct, similarProducts } from './api.js';
import { fillList, photoUrl, resultCard } from './cards.js';
import { debounce, h, humanize, showError } from './dom.js';
import { rememberName } from './for-you.js';
import { recordView } from './history.js';

const K = 8;
const SLIDER_DELAY_MS = 150;

const detail = document.getElementById('product');
const list = document.getElementById('similar-list');
const tuning = document.getElementById('tuning');
const slider = document.getElementById('balance-slider');
const output = document.getElementById('balance-output');

/** The product shown and the request filling its strip; replaced when either changes. */
let shownId = null;
let pending = null;

/** The slider's value w (0..100) means image weight w/100 and text weight 1 - w/100. */
function weights() {
  const imageWeight = Number(slider.value) / 100;
  return { imageWeight, textWeight: Math.round((1 - imageWeight) * 100) / 100 };
}

function describeBalance() {
  const { imageWeight, textWeight } = weights();
  const text = `image ${Math.round(imageWeight * 100)}% · text ${Math.round(textWeight * 100)}%`;
  output.textContent = text;
  slider.setAttribute('aria-valuetext', text);
}

function sameAttributes() {
  return [...tuning.querySelectorAll('input[name="same"]:checked')].map((box) => box.value);
}

async function loadSimilar() {
  pending?.abort();
  const abort = new AbortController();
  pending = abort;
  const options = { k: K, ...weights(), same: sameAttributes() };
  list.setAttribute('aria-busy', 'true');
  try {
    const answer = await similarProducts(shownId, options, abort.signal);
    if (pending !== abort) return;
    fillList(list, answer.results.map((result) => resultCard(result, 'recommendation')),
      'No similar product passes these filters.');
    // Which weights the strip reflects, for anyone (or any test) waiting on a re-rank.
    list.dataset.imageWeight = String(options.imageWeight);
    list.dataset.textWeight = String(options.textWeight);
  } catch (error) {
    if (pending === abort) showError(error);
  } finally {
    if (pending === abort) list.setAttribute('aria-busy', 'false');
  }
}

function renderDetail(product) {
  const attributes = Object.entries(product.attributes ?? {}).filter(([, value]) => value !== '');
  const src = photoUrl(product);
  const picture = src
    ? h('img', { src, alt: product.name, width: 480, height: 480, 'data-testid': 'product-photo' })
    : h('div', { class: 'product__photo--empty' }, 'no photo');
  detail.replaceChildren(
    h('figure', { class: 'product__photo' }, picture),
    h('div', { class: 'product__info' },
      h('a', { class: 'back-link', href: '/', 'data-nav': true }, '← All products'),
      h('h1', { class: 'page-title', 'data-testid': 'product-name' }, product.name || `Product ${product.id}`),
      h('p', { class: 'product__id' }, `Product ${product.id}`),
      product.description ? h('p', { class: 'product__description' }, product.description) : null,
      h('dl', { class: 'attributes' },
        attributes.map(([name, value]) => [h('dt', {}, humanize(name)), h('dd', {}, value)]))));
}

/**
 * Shows the page of one product, records the visit in the browsing history and fills the
 * similar-products strip.
 * @returns {Promise<boolean>} whether the product is shown: false when it could not be loaded
 *   (the error is shown) or another page was asked for meanwhile
 */
export async function showProduct(id) {
  shownId = id;
  pending?.abort();
  pending = null;
  detail.replaceChildren(h('p', { class: 'loading' }, 'Loading…'));
  list.replaceChildren();
  document.title = 'Product — fashionrec';
  let product;
  try {
    product = await getProduct(id);
  } catch (error) {
    if (shownId !== id) return false;
    detail.replaceChildren(h('p', { class: 'empty' }, 'This product could not be shown.'));
    document.title = `${error.status === 404 ? 'Product not found' : 'Product unavailable'} — fashionrec`;
    showError(error);
    return false;
  }
  if (shownId !== id) return false;
  document.title = `${product.name || `Product ${product.id}`} — fashionrec`;
  renderDetail(product);
  rememberName(product.id, product.name || `product ${product.id}`);
  recordView(product.id);
  loadSimilar();
  return true;
}

export function setUpProductPage() {
  describeBalance();
  const reload = debounce(loadSimilar, SLIDER_DELAY_MS);
  slider.addEventListener('input', () => {
    describeBalance();
    reload();
  });
  tuning.addEventListener('change', (event) => {
    if (event.target.name === 'same') loadSimilar();
  });
  tuning.addEventListener('submit', (event) => event.preventDefault());
}
