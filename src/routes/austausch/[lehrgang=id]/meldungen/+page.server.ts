import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import {
	listOpenReports,
	postUrl,
	requireModerator,
	resolveReport,
	spaceView
} from '$lib/server/discussions';
import { markdownExcerpt } from '$lib/server/assignments/markdown';
import { pageParam } from '$lib/server/http/page-param';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { space } = requireModerator(event);
	const result = listOpenReports(space, pageParam(event.url.searchParams));
	return {
		space: spaceView(space),
		total: result.total,
		page: result.page,
		pages: result.pages,
		reports: result.rows.map((report) => ({
			id: report.id,
			reason: report.reason,
			createdAt: report.createdAt,
			reporterName: report.reporterName,
			postAuthorName: report.postAuthorName,
			excerpt: markdownExcerpt(report.postBody, 200),
			threadTitle: report.threadTitle,
			postUrl: postUrl(space, report.threadId, report.postId)
		}))
	};
};

export const actions: Actions = {
	erledigt: async (event) => {
		const { user, space } = requireModerator(event);
		const reportId = String((await event.request.formData()).get('reportId') ?? '');
		if (!resolveReport(user, space, reportId)) {
			return fail(404, { error: m.discussions_error_post() });
		}
		return { resolved: m.discussions_report_resolved() };
	}
};
