import { m } from '$lib/paraglide/messages.js';

export type Role = 'learner' | 'trainer' | 'admin';

export const roleLabel = (role: Role): string =>
	({ learner: m.common_role_learner, trainer: m.common_role_trainer, admin: m.common_role_admin })[
		role
	]();
