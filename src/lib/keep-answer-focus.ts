import { tick } from 'svelte';

/**
 * After a successful action SvelteKit resets the focus (`applyAction` → `reset_focus`). It looks
 * for an `[autofocus]` element before Svelte has drawn the answer, so it misses the page's
 * message; on a URL with a fragment (a confirm step's link, a notice's link) it then moves to the
 * fragment in a timeout, which runs after the message has taken the focus and drops it to
 * `<body>`. This hands the focus back to what the page gave it to, once that timeout has run.
 */
export async function keepAnswerFocus(): Promise<void> {
	await tick();
	const answer = document.activeElement;
	if (!(answer instanceof HTMLElement) || answer === document.body) return;
	setTimeout(() => {
		const now = document.activeElement;
		if (!answer.isConnected || (now && now !== document.body)) return;
		answer.focus({ preventScroll: true });
		answer.scrollIntoView({ block: 'nearest' });
	});
}
