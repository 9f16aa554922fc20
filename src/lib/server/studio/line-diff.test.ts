import { describe, expect, it } from 'vitest';
import { collapseUnchanged, lineDiff, type DiffLine } from './line-diff';

const same = (text: string, oldNumber: number, newNumber: number): DiffLine => ({
	kind: 'same',
	text,
	oldNumber,
	newNumber
});

describe('lineDiff', () => {
	it('numbers old and new lines separately', () => {
		expect(lineDiff('a\nb\nc\n', 'a\nB\nc\nd\n')).toEqual([
			same('a', 1, 1),
			{ kind: 'removed', text: 'b', oldNumber: 2, newNumber: null },
			{ kind: 'added', text: 'B', oldNumber: null, newNumber: 2 },
			same('c', 3, 3),
			{ kind: 'added', text: 'd', oldNumber: null, newNumber: 4 }
		]);
	});

	it('handles empty sides, a missing final newline and Windows line endings', () => {
		expect(lineDiff('', 'x\ny')).toEqual([
			{ kind: 'added', text: 'x', oldNumber: null, newNumber: 1 },
			{ kind: 'added', text: 'y', oldNumber: null, newNumber: 2 }
		]);
		expect(lineDiff('a\r\nb\r\n', '')).toEqual([
			{ kind: 'removed', text: 'a', oldNumber: 1, newNumber: null },
			{ kind: 'removed', text: 'b', oldNumber: 2, newNumber: null }
		]);
		expect(lineDiff('', '')).toEqual([]);
	});
});

describe('collapseUnchanged', () => {
	const text = (count: number) =>
		Array.from({ length: count }, (_, index) => `Zeile ${index + 1}`).join('\n') + '\n';

	it('keeps context around each change and collapses the longer runs between', () => {
		const before = text(20);
		const after = before.replace('Zeile 10\n', 'Zeile zehn\n');

		const rows = collapseUnchanged(lineDiff(before, after), 2);

		expect(rows.map((row) => (row.kind === 'skipped' ? `…${row.count}` : row.text))).toEqual([
			'…7',
			'Zeile 8',
			'Zeile 9',
			'Zeile 10',
			'Zeile zehn',
			'Zeile 11',
			'Zeile 12',
			'…8'
		]);
	});

	it('keeps short unchanged runs between two changes', () => {
		const before = text(8);
		const after = before.replace('Zeile 1\n', 'eins\n').replace('Zeile 8\n', 'acht\n');

		const rows = collapseUnchanged(lineDiff(before, after));

		expect(rows.some((row) => row.kind === 'skipped')).toBe(false);
		expect(rows).toHaveLength(10);
	});

	it('collapses everything when nothing changed', () => {
		expect(collapseUnchanged(lineDiff(text(5), text(5)))).toEqual([{ kind: 'skipped', count: 5 }]);
	});
});
