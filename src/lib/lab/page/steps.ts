/**
 * On a narrow screen the lab's three parts (examples, method, verdict) are
 * steps: the step buttons show one part at a time. On a wide screen the
 * buttons are hidden by CSS and every part shows; nothing here depends on
 * the width.
 */
export function wireSteps(root: HTMLElement): { show(step: string): void } {
  const buttons = [...root.querySelectorAll<HTMLButtonElement>('[data-lab-step]')];
  const parts = [...root.querySelectorAll<HTMLElement>('[data-lab-part]')];

  function show(step: string) {
    for (const b of buttons) {
      if (b.dataset.labStep === step) b.setAttribute('aria-current', 'step');
      else b.removeAttribute('aria-current');
    }
    for (const p of parts) p.toggleAttribute('data-current', p.dataset.labPart === step);
  }

  for (const b of buttons) {
    b.addEventListener('click', () => {
      show(b.dataset.labStep!);
      // Bring the step's start into view: the step bar is sticky, the part begins just below it.
      root.querySelector<HTMLElement>(`[data-lab-part="${b.dataset.labStep}"]`)?.scrollIntoView({ block: 'nearest' });
    });
  }
  return { show };
}
