import { formatDay } from '$lib/format';
import { certificateLabel } from '$lib/content/labels';
import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/guards';
import { getUser } from '$lib/server/auth/users';
import { listManagedCohortChoices } from '$lib/server/cohorts/access';
import { getCourse } from '$lib/server/content';
import { issueManually, listLearnersForCertificates } from '$lib/server/certificates/manage';
import { isIssuerReady } from '$lib/server/certificates/settings';
import { formFailure } from '$lib/server/validation/form';
import { getCourseProgress } from '$lib/server/progress';
import type { Actions, PageServerLoad } from './$types';
import { pageParam } from '$lib/server/http/page-param';
import { isConfirmed } from '$lib/server/http/confirm';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event, 'trainer');
	const cohorts = listManagedCohortChoices(user).map(({ id, label }) => ({ id, label }));
	const cohortParam = event.url.searchParams.get('lehrgang') ?? '';
	const cohortId = cohorts.some((cohort) => cohort.id === cohortParam) ? cohortParam : '';
	const page = pageParam(event.url.searchParams);
	const query = (event.url.searchParams.get('suche') ?? '').trim().slice(0, 100);
	return {
		issuerReady: isIssuerReady(),
		cohorts,
		cohortId,
		query,
		result: listLearnersForCertificates(user, { cohortId: cohortId || undefined, query, page })
	};
};

const failureMessages = {
	issuer_missing: () => m.certificates_error_issuer_missing(),
	forbidden: () => m.certificates_error_forbidden(),
	issued_elsewhere: () => m.certificates_error_issued_elsewhere(),
	not_enrolled: () => m.certificates_error_not_enrolled(),
	no_certificate: () => m.certificates_error_no_certificate()
};

export const actions: Actions = {
	issue: async (event) => {
		const user = requireUser(event, 'trainer');
		const form = await event.request.formData();
		const userId = String(form.get('userId') ?? '');
		const courseId = String(form.get('courseId') ?? '');
		if (!userId || !courseId || userId.length > 40 || courseId.length > 200) {
			return formFailure(400, { form: m.certificates_error_invalid_request() });
		}
		const confirmed = isConfirmed(form);
		const result = issueManually(user, userId, courseId, confirmed);
		if (!result.ok) {
			if (result.reason === 'before_last_day') {
				const date = formatDay(result.lastDay);
				return formFailure(400, { form: m.certificates_error_before_last_day({ date }) });
			}
			if (result.reason !== 'incomplete') {
				const status = result.reason === 'forbidden' ? 403 : 400;
				return formFailure(status, { form: failureMessages[result.reason]() });
			}
			const name = getUser(userId)?.name ?? '';
			const progress = getCourseProgress(userId, courseId);
			return {
				confirmIssue: {
					userId,
					courseId,
					message: m.certificates_manage_confirm_incomplete({
						name,
						course: getCourse(courseId)?.title ?? courseId,
						percent: progress?.percent ?? 0
					})
				}
			};
		}
		const { number, snapshot } = result.certificate;
		const kind = certificateLabel(snapshot.kind);
		return {
			saved: result.created
				? m.certificates_manage_issued({ kind, number })
				: m.certificates_manage_already({ kind, number })
		};
	}
};
