import type { SubmitFunction } from '@sveltejs/kit';
import { tick } from 'svelte';

/**
 * `use:enhance` for forms that post something new (a reply, a message) and are answered with a
 * redirect to it, so that reloading never posts twice. SvelteKit resets a form only after a
 * success, not a redirect: the text stayed in the box and a second click posted it again. This
 * clears the form and moves the focus to the new post, as the page without JavaScript does.
 */
export const postAndClear: SubmitFunction = () => {
	return async ({ result, formElement, update }) => {
		if (result.type !== 'redirect') return update();
		formElement.reset();
		await update();
		await tick();
		focusTarget(new URL(result.location, location.href).hash);
	};
};

function focusTarget(hash: string) {
	const target = hash ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
	if (!target) return;
	if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
	target.focus();
}
