import { error, redirect } from '@sveltejs/kit';

/** How a domain view says "not for this request": the route answers it in HTTP. */
export type Refusal = { kind: 'not_found' } | { kind: 'redirect'; to: string };

/**
 * Answers a refused view with 404 or a 303 to where the user can go on (e.g. the module page
 * of a locked item), and hands back every other outcome.
 */
export function answerRefusal<View extends { kind: string }>(view: View): Exclude<View, Refusal> {
	if (view.kind === 'not_found') error(404, 'Not Found');
	if (view.kind === 'redirect' && 'to' in view && typeof view.to === 'string') {
		redirect(303, view.to);
	}
	return view as Exclude<View, Refusal>;
}
