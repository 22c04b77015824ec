// "Search by photo": uploads a picture (and optional words) and lists the products that look
// like it. Choosing a file starts the search at once; the button repeats it with new words.
import { searchByPhoto } from './api.js';
import { fillList, resultCard } from './cards.js';
import { clearError, showError } from './dom.js';

const K = 12;

const form = document.getElementById('photo-form');
const section = document.getElementById('photo-results');
const list = document.getElementById('photo-results-list');
let current = null;

async function search() {
  const photo = form.elements.photo.files[0];
  const text = form.elements.text.value.trim();
  if (!photo && !text) {
    showError('Choose a photo (or type a few words) to search by.');
    return;
  }
  current?.abort();
  const abort = new AbortController();
  current = abort;
  list.setAttribute('aria-busy', 'true');
  section.hidden = false;
  try {
    const answer = await searchByPhoto(photo, text, K, abort.signal);
    if (current !== abort) return;
    clearError();
    fillList(list, answer.results.map((result) => resultCard(result, 'search-result')),
      'Nothing in the catalog looks like this photo.');
    section.scrollIntoView({ block: 'nearest' });
  } catch (error) {
    if (current === abort) showError(error);
  } finally {
    if (current === abort) list.setAttribute('aria-busy', 'false');
  }
}

export function setUpPhotoSearch() {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    search();
  });
  form.elements.photo.addEventListener('change', search);
}
