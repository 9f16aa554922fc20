import { describe, expect, it } from 'vitest';
import { safeRedirectTarget } from './redirect-target';

const origin = 'https://lernen.example.org';

describe('safeRedirectTarget', () => {
	it('keeps paths on this site, with query and fragment', () => {
		expect(safeRedirectTarget('/kurse/a?seite=2#oben', origin)).toBe('/kurse/a?seite=2#oben');
		expect(safeRedirectTarget('/', origin)).toBe('/');
	});

	it.each([
		['tab between slashes', '/\t/evil.example'],
		['newline between slashes', '/\n/evil.example'],
		['protocol-relative', '//evil.example'],
		['dot segment before a double slash', '/.//evil.example/phish'],
		['encoded dot segments', '/%2e%2e//evil.example/phish'],
		['parent segment', '/x/..//evil.example'],
		['double slash after a dot', '/./\u002f/evil.example'],
		['backslash', '/\\evil.example'],
		['backslash after slash', '/\\/evil.example'],
		['absolute URL', 'https://evil.example/'],
		['javascript URL', 'javascript:alert(1)'],
		['relative path', 'kurse'],
		['CR LF header injection', '/kurse\r\nSet-Cookie: x=1'],
		['empty', ''],
		['missing', null]
	])('falls back to / for %s', (_name, target) => {
		expect(safeRedirectTarget(target, origin)).toBe('/');
	});

	it('encodes what a Location header cannot carry raw', () => {
		expect(safeRedirectTarget('/suche?q=ä ö', origin)).toBe('/suche?q=%C3%A4%20%C3%B6');
	});
});
