import { requireUser } from '$lib/server/auth/guards';
import { certificateWaitsFor } from '$lib/server/certificates/eligibility';
import { listCertificatesOfUser } from '$lib/server/certificates/queries';
import { listEnrolments } from '$lib/server/cohorts/enrolment';
import { getCourse } from '$lib/server/content';
import { getCourseProgress } from '$lib/server/progress';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const certificates = listCertificatesOfUser(user.id);
	const held = new Set(
		certificates.filter((certificate) => certificate.status === 'valid').map((c) => c.courseId)
	);
	// Done online before the cohort's last day: the certificate follows on that day.
	const waiting = listEnrolments(user.id).flatMap(({ courseId }) => {
		if (held.has(courseId) || !getCourseProgress(user.id, courseId)?.isComplete) return [];
		const date = certificateWaitsFor(user.id, courseId);
		return date ? [{ courseId, courseTitle: getCourse(courseId)?.title ?? courseId, date }] : [];
	});
	return {
		waiting,
		certificates: certificates.map((certificate) => ({
			id: certificate.id,
			number: certificate.number,
			code: certificate.code,
			status: certificate.status,
			kind: certificate.snapshot.kind,
			courseId: certificate.snapshot.courseId,
			title: certificate.snapshot.title,
			courseTitle: certificate.snapshot.courseTitle,
			issuedOn: certificate.snapshot.issuedOn
		}))
	};
};
