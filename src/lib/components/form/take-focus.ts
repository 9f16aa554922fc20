/**
 * Svelte action for a step or answer that replaces what was tapped (a confirmation question):
 * when it appears it takes the focus and scrolls into view, also inside a sideways-scrolling
 * table. Without JavaScript its `autofocus` attribute does the same on load; like the browser,
 * only the first autofocus element of the page gets the focus, so a message above keeps it.
 */
export function takeFocus(node: HTMLElement) {
	if (document.querySelector('[autofocus]') !== node) return;
	node.focus({ preventScroll: true });
	node.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}
