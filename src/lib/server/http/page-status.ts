import type { Handle } from '@sveltejs/kit';

const statusOf = new WeakMap<App.Locals, number>();

/**
 * A page that shows its own "nothing found" state (a verification page for an unknown code, a
 * link that has expired) keeps its content but answers with this status instead of 200, so that
 * link checkers, crawlers and scripts see what a person reads. SvelteKit's `load` can only set a
 * status by throwing into the error page, which would lose the page's own guidance.
 */
export function answerWithStatus(locals: App.Locals, status: 404 | 410): void {
	statusOf.set(locals, status);
}

/**
 * Applies the status to a page read with GET. The client's `__data.json` requests stay 200, and
 * so does the answer to a form post: it shows the action's result (a confirmed link is used up).
 */
export const handlePageStatus: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const status = statusOf.get(event.locals);
	const read = event.request.method === 'GET' || event.request.method === 'HEAD';
	if (!status || !read || event.isDataRequest || response.status !== 200) return response;
	return new Response(response.body, { status, headers: response.headers });
};
