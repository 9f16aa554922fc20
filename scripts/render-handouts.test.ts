import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHandout, renderHandout } from './render-handouts';

describe('handout rendering', () => {
	it('reads title, headings, items, checkboxes and keeps each text line', () => {
		const blocks = parseHandout('# Titel\n\n## Teil\n- Punkt\n[ ] Haken\nSatz eins.\nSatz zwei.');
		expect(blocks.map((block) => block.kind)).toEqual([
			'title',
			'gap',
			'heading',
			'item',
			'checkbox',
			'line',
			'line'
		]);
	});

	it('writes the same PDF for the same source, titled after the handout', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'handout-'));
		const source = '# Kinder dolmetschen nicht\n\nKinder sollen **nicht** dolmetschen.';
		await renderHandout(source, join(dir, 'a.pdf'));
		await renderHandout(source, join(dir, 'b.pdf'));
		const first = readFileSync(join(dir, 'a.pdf'));
		expect(first.subarray(0, 5).toString()).toBe('%PDF-');
		expect(first.equals(readFileSync(join(dir, 'b.pdf')))).toBe(true);
	});
});
