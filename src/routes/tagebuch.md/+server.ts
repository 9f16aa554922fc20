import { requireUser } from '$lib/server/auth/guards';
import { journalAsMarkdown } from '$lib/server/journal/entries';
import { formatDateTime } from '$lib/format';
import type { RequestHandler } from './$types';

/** The learner's own journal as one Markdown file; nobody else's. */
export const GET: RequestHandler = (event) => {
	const user = requireUser(event);
	return new Response(journalAsMarkdown(user.id, (date) => formatDateTime(date)), {
		headers: {
			'content-type': 'text/markdown; charset=utf-8',
			'content-disposition': 'attachment; filename="lerntagebuch.md"',
			'cache-control': 'private, no-store'
		}
	});
};
