import type { ParamMatcher } from '@sveltejs/kit';

/** The issuer images an admin can upload for certificates. */
export const match = ((param: string): param is 'logo' | 'signature' =>
	param === 'logo' || param === 'signature') satisfies ParamMatcher;
