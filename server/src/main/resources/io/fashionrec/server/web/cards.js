// The product cards: a plain catalog card and a result card with the score explained per
// modality. Every card is a real link to the product page, so it works with the keyboard,
// with "open in new tab" and without JavaScript routing.
import { h } from './dom.js';

/** The two or three attributes that tell products apart at a glance. */
const SHOWN_ATTRIBUTES = ['articleType', 'baseColour', 'gender'];

export function productPath(id) {
  return `/product/${encodeURIComponent(id)}`;
}

/**
 * The URL of a product's photo, or null. notes/API.md calls the link "image"; the server sends it
 * as "photo" because result objects already use "image" for the image score, so a string "image"
 * is taken only when there is no "photo".
 */
export function photoUrl(product) {
  if (typeof product.photo === 'string') return product.photo;
  return typeof product.image === 'string' ? product.image : null;
}

function photo(src, name) {
  if (!src) {
    return h('div', { class: 'card__media card__media--empty' }, h('span', {}, 'no photo'));
  }
  return h('div', { class: 'card__media' },
    h('img', { src, alt: name, loading: 'lazy', decoding: 'async', width: 240, height: 240 }));
}

function attributeLine(attributes) {
  const values = SHOWN_ATTRIBUTES.map((name) => attributes?.[name]).filter(Boolean);
  return values.length > 0 ? h('p', { class: 'card__meta' }, values.join(' · ')) : null;
}

/** A catalog grid card for a ProductSummary. */
export function productCard(product) {
  return h('li', { class: 'grid__item' },
    h('a', {
      class: 'card',
      href: productPath(product.id),
      'data-nav': true,
      'data-testid': 'product',
      'data-product-id': product.id,
    },
    photo(product.thumbnail, product.name),
    h('div', { class: 'card__body' },
      h('h3', { class: 'card__name' }, product.name || `Product ${product.id}`),
      attributeLine(product.attributes))));
}

/** "0.812345" for a score, or "n/a" when the modality was not available for this pair. */
export function formatScore(score) {
  return score === null || score === undefined ? 'n/a' : Number(score).toFixed(2);
}

function scoreBar(label, score) {
  const missing = score === null || score === undefined;
  // Linear-kernel scores can fall outside 0..1; the bar shows where it lands, the text the truth.
  const fraction = missing ? 0 : Math.min(1, Math.max(0, Number(score)));
  const fill = h('span', { class: 'bar__fill' });
  // Set through the style object: the server's Content-Security-Policy blocks style attributes.
  fill.style.width = `${(fraction * 100).toFixed(1)}%`;
  return h('div', { class: `bar${missing ? ' bar--missing' : ''}`, 'data-modality': label },
    h('span', { class: 'bar__label' }, label),
    h('span', { class: 'bar__track', 'aria-hidden': 'true' }, fill),
    h('span', { class: 'bar__value' }, formatScore(score)));
}

/**
 * A recommendation or search result card.
 * @param result a result object of the API (id, name, thumbnail, score, image, text, alignment)
 * @param testId the data-testid the card carries (recommendation, search-result, for-you-item)
 * @param note optional extra line under the scores (e.g. "because you viewed …")
 */
export function resultCard(result, testId, note = null) {
  return h('li', { class: 'strip__item' },
    h('a', {
      class: 'card card--result',
      href: productPath(result.id),
      'data-nav': true,
      'data-testid': testId,
      'data-product-id': result.id,
      'data-score': result.score,
    },
    photo(result.thumbnail, result.name),
    h('div', { class: 'card__body' },
      h('h3', { class: 'card__name' }, result.name || `Product ${result.id}`),
      h('p', { class: 'card__score' }, 'match ', h('strong', {}, formatScore(result.score))),
      h('div', { class: 'bars' },
        scoreBar('image', result.image),
        scoreBar('text', result.text),
        scoreBar('alignment', result.alignment)),
      note ? h('p', { class: 'card__note' }, note) : null)));
}

/** Replaces a list's cards, or shows a sentence in their place when there are none. */
export function fillList(list, cards, emptyText) {
  list.replaceChildren(...(cards.length > 0 ? cards : [h('li', { class: 'empty' }, emptyText)]));
}
