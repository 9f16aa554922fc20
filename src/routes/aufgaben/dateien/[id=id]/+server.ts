import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { canReadSubmission } from '$lib/server/assignments/access';
import { findFile } from '$lib/server/assignments/history';
import { getSubmission } from '$lib/server/assignments/submissions';
import { contentDisposition, openStoredUpload } from '$lib/server/assignments/uploads';
import type { RequestHandler } from './$types';

/** Uploaded files: only for the learner, the cohort's trainers and admins; never inline. */
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const file = findFile(event.params.id);
	const submission = file ? getSubmission(file.submissionId) : undefined;
	if (!file || !submission || !canReadSubmission(user, submission)) error(404, 'Not Found');
	// A draft is the learner's own until submitted; reviewers see submitted versions only.
	if (file.versionId === null && submission.userId !== user.id) error(404, 'Not Found');
	const stored = await openStoredUpload(file.storedName);
	if (!stored) error(404, 'Not Found');
	return new Response(stored.stream, {
		headers: {
			'Content-Type': file.mimeType,
			'Content-Length': String(stored.size),
			'Content-Disposition': contentDisposition(file.originalName),
			'X-Content-Type-Options': 'nosniff',
			'Cache-Control': 'private, no-store'
		}
	});
};
