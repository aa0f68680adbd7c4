// The search page: finds announcements in this language's search.json with MiniSearch, in the browser,
// with no request beyond the site itself. The page carries everything that depends on the language (texts,
// locale, the index's address), so this file is the same for every language.
(() => {
  'use strict';

  const form = document.querySelector('form[data-search-index]');
  const input = document.getElementById('search-query');
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  if (!form || !input || !status || !list || typeof MiniSearch !== 'function') return;

  // A long list helps nobody and slows a phone down; the status still counts every result.
  const SHOWN = 50;
  // Search when typing pauses, not on every key.
  const PAUSE_MS = 200;

  const texts = status.dataset;
  const plural = new Intl.PluralRules(form.dataset.locale);
  const number = new Intl.NumberFormat(form.dataset.locale);

  // Lower case without diacritics, so that "ilukste" finds "Ilūkste". NFD splits every Latvian and Lithuanian
  // letter (ā č ē ģ ī ķ ļ ņ š ū ž, ą ę ė į ų) into its base letter and marks, so no letter needs a table.
  const fold = (term) => term.toLowerCase().normalize('NFD').replace(/\p{Diacritic}/gu, '');

  // Puts values in for {0}, {1}, … of a text from the page.
  const fill = (text, ...values) => text.replace(/\{(\d)\}/g, (_, i) => values[Number(i)]);

  const element = (name, attributes, ...children) => {
    const made = document.createElement(name);
    for (const [key, value] of Object.entries(attributes)) {
      if (value !== undefined) made.setAttribute(key, value);
    }
    made.append(...children);
    return made;
  };

  let data = null;
  let entries = null;
  let index = null;

  const load = async () => {
    const response = await fetch(new URL(form.dataset.searchIndex, document.baseURI));
    if (!response.ok) throw new Error(`${response.url}: ${response.status}`);
    data = await response.json();
    entries = new Map(data.entries.map((entry) => [entry.url, entry]));
    const found = new MiniSearch({
      idField: 'url',
      fields: ['title', 'summary', 'municipality', 'project', 'kind', 'tags'],
      // Entries name their municipality, kind and project by key; search their names.
      extractField: (entry, field) => {
        switch (field) {
          case 'municipality': return data.municipalities[entry.municipality].name;
          case 'kind': return data.kinds[entry.kind];
          case 'project': return entry.project ? `${entry.project} ${data.projects[entry.project].name}` : '';
          case 'tags': return (entry.tags || []).join(' ');
          default: return entry[field];
        }
      },
      processTerm: fold,
      searchOptions: {
        boost: { title: 2 },
        prefix: true,
        fuzzy: (term) => (term.length > 4 ? 0.2 : false),
        combineWith: 'AND',
      },
    });
    // In chunks, so that a large site's index does not freeze the page while it is built.
    await found.addAllAsync(data.entries, { chunkSize: 1000 });
    return found;
  };

  const item = (entry) => {
    const municipality = data.municipalities[entry.municipality];
    const title = element('h2', { class: 'item-title' },
      element('a', { href: entry.url, lang: entry.lang, hreflang: entry.lang }, entry.title));
    if (entry.lang) title.append(' ', element('span', { class: 'note' }, data.languageNotes[entry.lang]));
    const result = element('li', { class: 'item' }, title,
      element('p', { class: 'item-meta' },
        element('time', { datetime: entry.date }, entry.dateText), ` · ${data.kinds[entry.kind]} · `,
        element('span', { lang: municipality.lang }, municipality.name)));
    if (entry.summary) result.append(element('p', { class: 'item-summary', lang: entry.lang }, entry.summary));
    return result;
  };

  const counted = (count, query) => {
    const category = plural.select(count);
    const text = texts[`results${category[0].toUpperCase()}${category.slice(1)}`] || texts.resultsOther;
    return fill(text, number.format(count), query);
  };

  const show = (query) => {
    list.replaceChildren();
    if (!query) {
      status.textContent = '';
      return;
    }
    const results = index.search(query);
    list.append(...results.slice(0, SHOWN).map((result) => item(entries.get(result.id))));
    status.textContent = results.length === 0 ? fill(texts.noResults, query)
      : results.length > SHOWN ? `${counted(results.length, query)} ${fill(texts.more, number.format(SHOWN))}`
        : counted(results.length, query);
  };

  // The address says what was searched for, so that a search can be linked to and survives a reload.
  const remember = (query) => {
    const address = new URL(window.location.href);
    if (query) address.searchParams.set('q', query);
    else address.searchParams.delete('q');
    window.history.replaceState(null, '', address);
  };

  const search = () => {
    const query = input.value.trim();
    remember(query);
    if (index) show(query);
    else if (query) status.textContent = texts.loading;
  };

  let pause = 0;
  input.addEventListener('input', () => {
    window.clearTimeout(pause);
    pause = window.setTimeout(search, PAUSE_MS);
  });
  // Without this script the form asks for this page with ?q=; with it, the page stays and so does the focus.
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    window.clearTimeout(pause);
    search();
  });

  input.value = new URLSearchParams(window.location.search).get('q') || input.value;
  if (input.value.trim()) status.textContent = texts.loading;
  load().then((loaded) => {
    index = loaded;
    show(input.value.trim());
  }, () => {
    status.textContent = texts.failed;
  });
})();
