/**
 * Fills the iframe code of an "Embed this …" box (`.embed-box`, for pasting
 * into slides or other pages) with the address the page is really served from
 * (the build only knows the configured site) and wires its Copy button.
 * "Frame" in these names means an iframe, never a neural embedding.
 */
export function wireFrameBox(box: HTMLElement): void {
  const code = box.querySelector<HTMLTextAreaElement>('[data-embed-code]');
  const base = box.closest<HTMLElement>('[data-embed-base]')?.dataset.embedBase;
  if (!code || !base) return;
  code.value = code.value.replace(/src="[^"]*?\/embed\//, `src="${new URL(base, location.href).href}`);
  const copy = box.querySelector<HTMLButtonElement>('[data-embed-copy]');
  if (!copy) return;
  copy.hidden = false;
  copy.addEventListener('click', async () => {
    code.select();
    try {
      await navigator.clipboard.writeText(code.value);
      copy.textContent = 'Copied';
    } catch {
      copy.textContent = 'Selected: press Ctrl+C to copy';
    }
  });
}
