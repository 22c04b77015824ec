// The HTTP API of the server (see notes/API.md): one function per endpoint, each resolving to the
// parsed JSON body or rejecting with an ApiError whose message is the server's own "message".

/** An error answered by the API (or the network failing), carrying the sentence to show the user. */
export class ApiError extends Error {
  /**
   * @param {string} message what went wrong, in words a shopper can read
   * @param {number} status HTTP status, 0 when the server could not be reached
   */
  constructor(message, status) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

async function request(url, options = {}) {
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' }, ...options });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError('The shop server cannot be reached. Check that it is running, then try again.', 0);
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body && typeof body.message === 'string' && body.message
      ? body.message
      : `The server answered ${response.status} ${response.statusText} to ${url}.`;
    throw new ApiError(message, response.status);
  }
  if (body === null) {
    throw new ApiError(`The server sent an answer to ${url} that is not JSON.`, response.status);
  }
  return body;
}

/**
 * One page of the catalog.
 * @param {URLSearchParams} filters q and attribute=value pairs, passed through as they are
 * @param {number} page 0-based
 * @param {number} size products per page, 1..100
 */
export function listProducts(filters, page, size, signal) {
  const params = new URLSearchParams(filters);
  params.set('page', String(page));
  params.set('size', String(size));
  return request(`/api/products?${params}`, { signal });
}

export function getProduct(id, signal) {
  return request(`/api/products/${encodeURIComponent(id)}`, { signal });
}

/**
 * Products similar to one product.
 * @param {{k:number, imageWeight:number, textWeight:number, same:string[]}} options
 */
export function similarProducts(id, { k, imageWeight, textWeight, same }, signal) {
  const params = new URLSearchParams({
    k: String(k),
    imageWeight: String(imageWeight),
    textWeight: String(textWeight),
  });
  if (same.length > 0) params.set('same', same.join(','));
  return request(`/api/products/${encodeURIComponent(id)}/similar?${params}`, { signal });
}

/**
 * Products that look like an uploaded photo and/or read like some words (at least one of both).
 * @param {File|undefined} photo the chosen file, if any
 */
export function searchByPhoto(photo, text, k, signal) {
  const form = new FormData();
  if (photo) form.append('photo', photo, photo.name);
  if (text) form.append('text', text);
  form.append('k', String(k));
  return request('/api/search', { method: 'POST', body: form, signal });
}

/** Recommendations from a browsing history (ids oldest to newest). */
export function recommend(history, k, signal) {
  return request('/api/recommend', {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify({ history, k }),
    signal,
  });
}
