import { requireUser } from '$lib/server/auth/guards';
import { listCertificatesOfUser } from '$lib/server/certificates/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return {
		certificates: listCertificatesOfUser(user.id).map((certificate) => ({
			id: certificate.id,
			number: certificate.number,
			code: certificate.code,
			status: certificate.status,
			kind: certificate.snapshot.kind,
			title: certificate.snapshot.title,
			courseTitle: certificate.snapshot.courseTitle,
			issuedOn: certificate.snapshot.issuedOn
		}))
	};
};
