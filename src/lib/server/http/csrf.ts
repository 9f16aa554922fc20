// Cross-site form posts are refused, as SvelteKit's own check does. The check lives here instead
// of in SvelteKit (svelte.config.js trusts all origins) for one reason: RFC 8058 one-click
// unsubscribe, which mail providers POST from their servers, without an Origin header.

/** The content types a browser form can send cross-site (SvelteKit's list). */
const FORM_TYPES = [
	'application/x-www-form-urlencoded',
	'multipart/form-data',
	'text/plain',
	'application/x-sveltekit-formdata'
];
const UNSAFE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** `/abbestellen/<token>/<topic>`: the only form post accepted from anywhere (it can only unsubscribe). */
const ONE_CLICK_UNSUBSCRIBE = /^\/abbestellen\/[a-z2-7]{32}\/[a-z]+$/;

export function isForbiddenCrossSitePost(request: Request, url: URL): boolean {
	if (!UNSAFE_METHODS.includes(request.method)) return false;
	const type = request.headers.get('content-type')?.split(';', 1)[0]!.trim().toLowerCase() ?? '';
	if (!FORM_TYPES.includes(type)) return false;
	if (request.headers.get('origin') === url.origin) return false;
	return !(request.method === 'POST' && ONE_CLICK_UNSUBSCRIBE.test(url.pathname));
}
