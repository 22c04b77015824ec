// Small DOM helpers shared by the views: building elements and the page's one message area.

/**
 * Creates an element. Attributes whose value is null, undefined or false are left out; children
 * may be nodes, strings (inserted as text, never parsed as HTML), null (skipped) or arrays of
 * these, nested to any depth.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** Words that make an attribute name such as "articleType" readable: "article type". */
export function humanize(attribute) {
  return attribute.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

const alertBox = () => document.getElementById('alert');

/**
 * Shows a message to the user in the alert area (announced by screen readers) until it is
 * dismissed or replaced. Aborted requests are not errors the user caused, so they are ignored.
 */
export function showError(error) {
  if (error && error.name === 'AbortError') return;
  const text = error && error.message ? error.message : String(error);
  document.getElementById('alert-text').textContent = text;
  alertBox().hidden = false;
}

export function clearError() {
  alertBox().hidden = true;
  document.getElementById('alert-text').textContent = '';
}

document.getElementById('alert-close').addEventListener('click', clearError);

/**
 * Calls fn once calls stop arriving for waitMs; keeps the slider from sending a request for
 * every pixel it moves.
 */
export function debounce(fn, waitMs) {
  let timer = 0;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), waitMs);
  };
}
