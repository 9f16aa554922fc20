import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { getModuleAccess } from '$lib/server/progress';
import { getAssetPath } from '$lib/server/content';
import { assetContentType, assetResponse } from '$lib/server/content/asset-response';
import { canFetchModuleFile } from '$lib/server/course-pages';
import type { RequestHandler } from './$types';
import { moduleIdOf } from '$lib/urls';

export const GET: RequestHandler = (event) => {
	const user = requireUser(event);
	const { kurs, modul, pfad } = event.params;
	// The module's trainer/ folder is for the course's trainers: for anyone else it does not exist.
	if (!canFetchModuleFile(user, kurs, pfad)) error(404, 'Not Found');
	// Files beside lessons follow the lessons: enrolled, and the module open to this learner.
	if (!getModuleAccess(user, kurs, moduleIdOf({ kurs, modul })).open) error(403, 'forbidden');
	const contentType = assetContentType(pfad);
	const file = contentType && getAssetPath(kurs, modul, pfad);
	if (!contentType || !file) error(404, 'Not Found');
	return assetResponse(file, contentType, event.request.headers.get('range'));
};
