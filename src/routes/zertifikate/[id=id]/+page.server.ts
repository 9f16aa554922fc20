import { requireUser } from '$lib/server/auth/guards';
import { getCertificateFor } from '$lib/server/certificates/manage';
import { certificateView } from '$lib/server/certificates/queries';
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

/** One certificate and whether its PDF may be downloaded (only while it is valid). */
export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const certificate = getCertificateFor(user, event.params.id);
	if (!certificate) error(404, 'not found');
	return {
		certificate: { ...certificateView(certificate), supersededBy: certificate.supersededBy },
		isOwner: certificate.userId === user.id
	};
};
