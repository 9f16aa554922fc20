// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL_OR_BACKSLASH = /[\u0000-\u001f\u007f\\]/;

/**
 * Where to send a visitor after login or a language switch: only a path on this site. The
 * target is resolved as a browser would (`new URL(target, origin)`), so tricks that browsers
 * normalise into another host — `/\t/evil.example`, `/\evil.example`, `//evil.example` — fail
 * the origin check; control characters (which would also break the Location header) and
 * backslashes are refused outright, and so is a path that normalises to `//`. Anything else
 * falls back to `/`.
 */
export function safeRedirectTarget(target: string | null | undefined, origin: string): string {
	if (!target || target.length > 2000 || !target.startsWith('/')) return '/';
	if (CONTROL_OR_BACKSLASH.test(target)) return '/';
	let resolved: URL;
	try {
		resolved = new URL(target, origin);
	} catch {
		return '/';
	}
	if (resolved.origin !== new URL(origin).origin) return '/';
	// Dot segments resolve into a path that starts with `//` (`/.//evil.example`), which a
	// browser reads as another host: the normalised path must be a path, too.
	if (resolved.pathname.startsWith('//')) return '/';
	return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}
