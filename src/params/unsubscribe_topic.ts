import type { ParamMatcher } from '@sveltejs/kit';
import { isUnsubscribeTopic } from '$lib/mail';

/** rueckmeldungen, erinnerungen, abgaben, zertifikate or alle (src/lib/mail.ts). */
export const match: ParamMatcher = (param) => isUnsubscribeTopic(param);
