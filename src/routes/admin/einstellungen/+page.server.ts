import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/guards';
import {
	checkIssuerImage,
	getIssuerImage,
	getIssuerSettings,
	isIssuerConfigured,
	issuerSchema,
	saveIssuerChanges,
	type IssuerImage,
	type IssuerImageKind
} from '$lib/server/certificates/settings';
import { formFailure, parseForm, type FieldErrors } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

const imageKinds: IssuerImageKind[] = ['logo', 'signature'];

export const load: PageServerLoad = (event) => {
	requireUser(event, 'admin');
	return {
		issuer: getIssuerSettings(),
		configured: isIssuerConfigured(),
		images: { logo: !!getIssuerImage('logo'), signature: !!getIssuerImage('signature') }
	};
};

export const actions: Actions = {
	save: async (event) => {
		const admin = requireUser(event, 'admin');
		const form = await event.request.formData();
		const parsed = parseForm(form, issuerSchema(), m.common_error_duplicate_field());
		const errors: FieldErrors = parsed.success ? {} : { ...parsed.errors };
		const uploads = new Map<IssuerImageKind, IssuerImage>();
		for (const kind of imageKinds) {
			const file = form.get(kind);
			if (!(file instanceof File) || file.size === 0) continue;
			const check = await checkIssuerImage(Buffer.from(await file.arrayBuffer()));
			if (check.ok) uploads.set(kind, check.image);
			else errors[kind] = check.message;
		}
		// All or nothing: a bad image leaves the texts unsaved too, with the input kept.
		if (!parsed.success || Object.keys(errors).length > 0) {
			return formFailure(400, errors, parsed.values);
		}
		const images: Partial<Record<IssuerImageKind, IssuerImage | null>> = {};
		for (const kind of imageKinds) {
			const upload = uploads.get(kind);
			if (upload) images[kind] = upload;
			else if (form.get(`${kind}Remove`) === 'ja') images[kind] = null;
		}
		saveIssuerChanges(admin.id, parsed.data, images);
		return { saved: m.certificates_settings_saved() };
	}
};
