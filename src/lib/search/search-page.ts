/**
 * The search page: loads Pagefind's runtime (built by `pagefind` after
 * `astro build`) only here, runs the query from the URL, and renders results
 * with their excerpts and filters. Everything stays in the browser.
 */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}

interface Pagefind {
  options(options: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(query: string, options?: { filters?: Record<string, { any: string[] }> }): Promise<{ results: Array<{ data(): Promise<PagefindResultData> }> }>;
}

const FILTER_LABELS: Record<string, string> = { topic: 'Topic', venue: 'Venue', year: 'Year', mark: 'Survey author’s mark' };
const MAX_RESULTS = 30;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, children: (Node | string)[] = []): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

export async function runSearchPage(doc: Document, base: string): Promise<void> {
  const form = doc.querySelector<HTMLFormElement>('[data-search-form]')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const filterBox = doc.querySelector<HTMLElement>('[data-search-filters]')!;
  const status = doc.querySelector<HTMLElement>('[data-search-status]')!;
  const list = doc.querySelector<HTMLOListElement>('[data-search-results]')!;
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';

  let pagefind: Pagefind;
  try {
    pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    await pagefind.options({ baseUrl: base, excerptLength: 24 });
    await pagefind.init();
  } catch (error) {
    console.warn('Metric Atlas search: could not load the index', error);
    status.textContent = 'The search index is missing. It is built by `npm run build` (not by the dev server); the table of all papers can be filtered meanwhile.';
    return;
  }

  const available = await pagefind.filters();
  for (const [name, values] of Object.entries(available)) {
    const fieldset = element('fieldset', {}, [element('legend', { textContent: FILTER_LABELS[name] ?? name })]);
    for (const value of Object.keys(values).sort()) {
      const checkbox = element('input', { type: 'checkbox', name: `filter-${name}`, value, checked: params.getAll(name).includes(value) });
      fieldset.append(element('label', {}, [checkbox, ` ${value}`]));
    }
    filterBox.append(fieldset);
  }

  const selectedFilters = () => {
    const filters: Record<string, { any: string[] }> = {};
    for (const name of Object.keys(available)) {
      const values = [...filterBox.querySelectorAll<HTMLInputElement>(`input[name="filter-${name}"]:checked`)].map((c) => c.value);
      if (values.length > 0) filters[name] = { any: values };
    }
    return filters;
  };

  let generation = 0;
  const run = async () => {
    const query = input.value.trim();
    const filters = selectedFilters();
    const url = new URL(location.href);
    url.search = '';
    if (query) url.searchParams.set('q', query);
    for (const [name, { any }] of Object.entries(filters)) for (const value of any) url.searchParams.append(name, value);
    history.replaceState(null, '', url);
    if (!query && Object.keys(filters).length === 0) {
      list.replaceChildren();
      status.textContent = 'Type a query, or choose a filter.';
      return;
    }
    const mine = ++generation;
    status.textContent = 'Searching…';
    const search = await pagefind.search(query || '', { filters });
    const data = await Promise.all(search.results.slice(0, MAX_RESULTS).map((r) => r.data()));
    if (mine !== generation) return;
    list.replaceChildren(
      ...data.map((result) => {
        const excerpt = element('p', { className: 'excerpt' });
        // Pagefind's excerpt is the page's own text, escaped, with <mark> around the matches.
        excerpt.innerHTML = result.excerpt;
        return element('li', {}, [
          element('a', { href: result.url, textContent: result.meta.title ?? result.url }),
          ...(result.meta.venue ? [' ', element('span', { className: 'venue', textContent: `· ${result.meta.venue}` })] : []),
          excerpt,
        ]);
      }),
    );
    const total = search.results.length;
    status.textContent = total === 0 ? 'No page matches.' : `${total} ${total === 1 ? 'page matches' : 'pages match'}${total > MAX_RESULTS ? `; the first ${MAX_RESULTS} are shown` : ''}.`;
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  filterBox.addEventListener('change', () => void run());
  if (input.value || [...params.keys()].some((k) => k !== 'q')) await run();
}
