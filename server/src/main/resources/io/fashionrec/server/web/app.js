// Entry point of the shop page: one HTML page for "/" (the catalog) and "/product/{id}" (a
// product); which one is shown follows location, so reloads and shared links land right.
import { setUpCatalog, showCatalog } from './catalog.js';
import { clearError } from './dom.js';
import { setUpForYou, showForYou } from './for-you.js';
import { interceptLinks, NAVIGATE_EVENT } from './nav.js';
import { setUpPhotoSearch } from './photo-search.js';
import { setUpProductPage, showProduct } from './product.js';

const catalogView = document.getElementById('catalog-view');
const productView = document.getElementById('product-view');
const PRODUCT_PATH = /^\/product\/([^/]+)\/?$/;

/** The path rendered last: a new search or filter keeps the page (and the focus) where it is. */
let renderedPath = null;

function productId(encoded) {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded; // not valid percent-encoding: the server will say that no product has this id
  }
}

async function render({ moveFocus }) {
  clearError();
  const match = PRODUCT_PATH.exec(location.pathname);
  catalogView.hidden = Boolean(match);
  productView.hidden = !match;
  if (moveFocus && location.pathname !== renderedPath) {
    window.scrollTo(0, 0);
    // On another page, keyboard and screen reader users start at the new content.
    document.getElementById('main').focus({ preventScroll: true });
  }
  renderedPath = location.pathname;
  if (match) {
    const shown = await showProduct(productId(match[1]));
    if (shown) showForYou(document.getElementById('for-you-product-slot'));
  } else {
    showForYou(document.getElementById('for-you-catalog-slot'));
    await showCatalog(new URLSearchParams(location.search));
  }
}

setUpCatalog();
setUpProductPage();
setUpPhotoSearch();
setUpForYou();
interceptLinks();
window.addEventListener(NAVIGATE_EVENT, () => render({ moveFocus: true }));
window.addEventListener('popstate', () => render({ moveFocus: false }));
render({ moveFocus: false });
