import { describe, expect, it } from 'vitest';
import { moduleLabel } from './module-label';

describe('moduleLabel', () => {
	it('numbers a plain title and leaves a numbered one alone', () => {
		expect(moduleLabel(2, 'Verwaltungsverfahren')).toBe('Modul 2: Verwaltungsverfahren');
		expect(moduleLabel(2, 'Modul 2: Verwaltungsverfahren')).toBe('Modul 2: Verwaltungsverfahren');
	});
});
