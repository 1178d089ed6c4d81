"""What a page must hold on a teen's phone or a tablet, measured in the browser as the page is now (issue 19).

Why these numbers: 44×44 CSS px is the smallest target a thumb hits reliably (WCAG 2.5.5, Apple's and
Android's guidelines say 44 and 48); 16 px is the smallest text phones' browsers leave unzoomed in a form
and the size the teens read without pinching; one column, because a page wider than the screen scrolls
sideways under a finger that meant to scroll down.

A control's target is the control with its `<label>` when the label wraps it (a checkbox and its words are
tapped as one, as the browser does). Chart text is left to the figures' own test (tests/widgets, plotly sizes
its text in the figure); everything else the workshop writes is held here.
"""

from __future__ import annotations

from playwright.sync_api import Page

#: A common small Android phone, and a tablet held upright.
PHONE = {"width": 360, "height": 640}
TABLET = {"width": 768, "height": 1024}
MIN_TARGET_PX = 44
MIN_TEXT_PX = 16

_MEASURE = """
([minTarget, minText]) => {
  const width = document.documentElement.clientWidth;
  const shown = e => {
    for (let n = e; n && n.nodeType === 1; n = n.parentElement) {
      const s = getComputedStyle(n);
      if (s.display === 'none' || s.visibility === 'hidden' || s.opacity === '0') return false;
    }
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  // Clipped by an ancestor that scrolls or hides sideways: past the edge of that box, not of the screen.
  const clipped = e => {
    for (let n = e.parentElement; n; n = n.parentElement) {
      const x = getComputedStyle(n).overflowX;
      if (x !== 'visible' && n !== document.body && n !== document.documentElement) {
        const box = n.getBoundingClientRect();
        return box.right <= width + 1 && box.left >= -1;
      }
    }
    return false;
  };
  const name = e => {
    const words = (e.getAttribute('aria-label') || e.innerText || e.value || e.placeholder || '').trim();
    const classes = typeof e.className === 'string' ? e.className.split(' ').slice(0, 2).join('.') : '';
    return `<${e.tagName.toLowerCase()}${classes ? '.' + classes : ''}> «${words.slice(0, 40)}»`;
  };
  const problems = [];
  if (document.documentElement.scrollWidth > width + 1)
    problems.push(`the page is ${document.documentElement.scrollWidth} px wide on a ${width} px screen`);
  const content = document.querySelector('#rendered_cells') || document.body;
  for (const e of content.querySelectorAll('*')) {
    if (e.closest('svg') || !shown(e)) continue;
    const r = e.getBoundingClientRect();
    if ((r.right > width + 1 || r.left < -1) && !clipped(e))
      problems.push(`past the edge (${Math.round(r.left)}..${Math.round(r.right)} px): ${name(e)}`);
  }
  const controls = 'button, input:not([type=hidden]), select, textarea, a[href], [role=button], [role=slider], '
                 + '[role=checkbox], [role=tab], [role=radio]';
  for (const e of content.querySelectorAll(controls)) {
    if (e.closest('svg, .modebar') || !shown(e) || e.disabled) continue;
    const label = e.closest('label');
    const r = (label && shown(label) ? label : e).getBoundingClientRect();
    if (r.width < minTarget - 0.5 || r.height < minTarget - 0.5)
      problems.push(`control of ${Math.round(r.width)}×${Math.round(r.height)} px: ${name(e)}`);
  }
  const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
  const small = new Set();
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const e = t.parentElement;
    if (!t.textContent.trim() || e.closest('svg, option') || small.has(e) || !shown(e)) continue;
    const size = parseFloat(getComputedStyle(e).fontSize);
    if (size < minText - 0.01) { small.add(e); problems.push(`text of ${size} px: ${name(e)}`); }
  }
  for (const bar of document.querySelectorAll('.modebar'))
    if (shown(bar)) problems.push('a plotly mode bar is shown');
  return problems;
}
"""


def layout_problems(page: Page) -> list[str]:
    """One line per thing that breaks the rules above on the page as it is now (empty: the page holds)."""
    return page.evaluate(_MEASURE, [MIN_TARGET_PX, MIN_TEXT_PX])
