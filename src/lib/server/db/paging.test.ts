import { describe, expect, it } from 'vitest';
import { pageParam } from '../http/page-param';
import { pageOf, pageWindow } from './paging';

describe('pageWindow', () => {
	it('clamps the requested page to the pages there are', () => {
		expect(pageWindow(0, 3, 50)).toEqual({ page: 1, pages: 1, total: 0, offset: 0 });
		expect(pageWindow(120, 2, 50)).toEqual({ page: 2, pages: 3, total: 120, offset: 50 });
		expect(pageWindow(120, 99, 50)).toMatchObject({ page: 3, offset: 100 });
		expect(pageWindow(120, -4, 50)).toMatchObject({ page: 1, offset: 0 });
		expect(pageWindow(120, Number.NaN, 50)).toMatchObject({ page: 1 });
	});
});

describe('pageOf', () => {
	it('slices rows in memory', () => {
		const rows = Array.from({ length: 7 }, (_, i) => i);
		expect(pageOf(rows, 2, 3)).toEqual({ rows: [3, 4, 5], page: 2, pages: 3, total: 7 });
		expect(pageOf(rows, 5, 3)).toEqual({ rows: [6], page: 3, pages: 3, total: 7 });
	});
});

describe('pageParam', () => {
	const param = (query: string) => pageParam(new URLSearchParams(query));
	it('reads ?seite= and falls back to 1 on anything else', () => {
		expect(param('seite=4')).toBe(4);
		expect(param('')).toBe(1);
		expect(param('seite=abc')).toBe(1);
		expect(param('seite=-2')).toBe(1);
		expect(param('seite=99999999')).toBe(10_000);
	});
});
