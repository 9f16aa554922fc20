import { m } from '$lib/paraglide/messages.js';

import type { Role } from './auth/roles';

export type { Role };

export const roleLabel = (role: Role): string =>
	({ learner: m.common_role_learner, trainer: m.common_role_trainer, admin: m.common_role_admin })[
		role
	]();
