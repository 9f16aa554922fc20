import { enhance as enhanceForm } from '$app/forms';
import type { SubmitFunction } from '@sveltejs/kit';
import { keepAnswerFocus } from './keep-answer-focus';

/**
 * SvelteKit's `use:enhance`, for every form of the app: a second submit while the first is on
 * its way (a double click, a double tap on a phone) is ignored, so a message or an entry is not
 * posted twice. Until the answer is in, the form is `aria-busy` and its submit buttons are
 * `aria-disabled`: screen readers say so, and the focus stays on the button (a `disabled` one
 * would drop it). The server ignores a repeat as well (server/http/repeat-safe.ts), for forms
 * sent without JavaScript. The answer keeps the focus the page gives it (keep-answer-focus.ts).
 */
export function enhance<
	Success extends Record<string, unknown> | undefined = Record<string, any>, // eslint-disable-line @typescript-eslint/no-explicit-any -- SvelteKit's own default
	Failure extends Record<string, unknown> | undefined = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any -- SvelteKit's own default
>(form: HTMLFormElement, submit: SubmitFunction<Success, Failure> = () => {}) {
	let busy = false;
	let marked: Element[] = [];
	const start = () => {
		busy = true;
		form.setAttribute('aria-busy', 'true');
		marked = submitButtons(form).filter((button) => !button.hasAttribute('aria-disabled'));
		for (const button of marked) button.setAttribute('aria-disabled', 'true');
	};
	const finish = () => {
		busy = false;
		form.removeAttribute('aria-busy');
		for (const button of marked) button.removeAttribute('aria-disabled');
		marked = [];
	};

	return enhanceForm<Success, Failure>(form, async (input) => {
		if (busy) return input.cancel();
		start();
		let cancelled = false;
		let callback;
		try {
			callback = await submit({
				...input,
				cancel: () => {
					cancelled = true;
					input.cancel();
				}
			});
		} catch (error) {
			finish();
			throw error;
		}
		if (cancelled) return finish();
		return async (options) => {
			try {
				if (callback) await callback(options);
				else await options.update();
			} finally {
				finish();
			}
			if (options.result.type === 'success') await keepAnswerFocus();
		};
	});
}

function submitButtons(form: HTMLFormElement): Element[] {
	return [...form.elements].filter(
		(element) =>
			(element instanceof HTMLButtonElement && element.type === 'submit') ||
			(element instanceof HTMLInputElement && element.type === 'submit')
	);
}
