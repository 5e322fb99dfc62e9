/** Large text for projectors: `?text=large` in a framed page's address (/embed/…), or its toggle button. */
export function applyTextSize(): void {
  const root = document.documentElement;
  if (new URLSearchParams(location.search).get('text') === 'large') root.dataset.text = 'large';
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-text-toggle]')) {
    const sync = () => button.setAttribute('aria-pressed', String(root.dataset.text === 'large'));
    sync();
    button.hidden = false;
    button.addEventListener('click', () => {
      if (root.dataset.text === 'large') delete root.dataset.text;
      else root.dataset.text = 'large';
      sync();
    });
  }
}
