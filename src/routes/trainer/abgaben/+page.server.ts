import { requireUser } from '$lib/server/auth/guards';
import { listReviewQueue, queueStatuses, type QueueStatus } from '$lib/server/assignments/queue';
import { listManagedCohortChoices } from '$lib/server/cohorts/access';
import { getCatalogue, getCourse, getItem } from '$lib/server/content';
import type { PageServerLoad } from './$types';
import { pageParam } from '$lib/server/http/page-param';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event, 'trainer');
	const params = event.url.searchParams;
	const cohorts = listManagedCohortChoices(user);
	const courses =
		user.role === 'admin'
			? getCatalogue()
			: [...new Set(cohorts.map((cohort) => cohort.courseId))].flatMap((id) => getCourse(id) ?? []);
	const modules = courses.flatMap((course) =>
		course.modules
			.filter((module) => module.items.some((item) => item.type === 'assignment'))
			.map((module) => ({ id: module.id, label: `${course.title}: ${module.title}` }))
	);
	const cohortParam = params.get('lehrgang') ?? '';
	const moduleParam = params.get('modul') ?? '';
	const statusParam = params.get('status') as QueueStatus;
	const filter = {
		cohortId: cohorts.some((cohort) => cohort.id === cohortParam) ? cohortParam : '',
		moduleId: modules.some((module) => module.id === moduleParam) ? moduleParam : '',
		status: queueStatuses.includes(statusParam) ? statusParam : 'submitted',
		page: pageParam(params)
	};
	const result = listReviewQueue(user, {
		...filter,
		cohortId: filter.cohortId || undefined,
		moduleId: filter.moduleId || undefined
	});
	return {
		filter,
		cohorts: cohorts.map(({ id, label }) => ({ id, label })),
		modules,
		result: {
			...result,
			rows: result.rows.map((row) => ({
				...row,
				itemTitle: getItem(row.itemId)?.title ?? row.itemId
			}))
		}
	};
};
