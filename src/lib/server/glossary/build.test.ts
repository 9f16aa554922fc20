import { describe, expect, it } from 'vitest';
import { buildGlossary, findTermUses } from './build';
import { searchGlossary } from './search';

const lesson = `Gegen einen <Begriff erklaerung="Eine Entscheidung der Behörde.">Bescheid</Begriff> hilft ein
<Begriff erklaerung="Ein Schreiben   an die Behörde.">**Widerspruch**</Begriff>. Auch
<Begriff erklaerung="Vereine von Menschen mit Migrationsgeschichte.">Migrant\\*innenorganisationen</Begriff>.`;

describe('the glossary', () => {
	it('finds every <Begriff> of a body with its plain term and explanation', () => {
		expect(findTermUses(lesson, 'k/m/l')).toEqual([
			{ term: 'Bescheid', explanation: 'Eine Entscheidung der Behörde.', itemId: 'k/m/l' },
			{ term: 'Widerspruch', explanation: 'Ein Schreiben an die Behörde.', itemId: 'k/m/l' },
			{
				term: 'Migrant*innenorganisationen',
				explanation: 'Vereine von Menschen mit Migrationsgeschichte.',
				itemId: 'k/m/l'
			}
		]);
	});

	it('merges terms across lessons, lets the glossary file explain, and sorts as German readers do', () => {
		const uses = [
			...findTermUses(lesson, 'k/m/a'),
			{ term: 'bescheid', explanation: 'Anders erklärt.', itemId: 'k/m/b' },
			{ term: 'Widerspruch', explanation: 'Einspruch gegen einen Bescheid.', itemId: 'k/m/b' },
			{ term: 'Widerspruch', explanation: 'Einspruch gegen einen Bescheid.', itemId: 'k/m/b' },
			{ term: 'Ämterlotse', explanation: 'Begleitet zu Ämtern.', itemId: 'k/m/c' }
		];
		const glossary = buildGlossary(
			[
				{ begriff: 'Bescheid', erklaerung: 'Aus der Datei.', uebersetzungen: { tr: 'resmî karar' } }
			],
			uses
		);
		expect(glossary.map((entry) => entry.term)).toEqual([
			'Ämterlotse',
			'Bescheid',
			'Migrant*innenorganisationen',
			'Widerspruch'
		]);
		const bescheid = glossary[1]!;
		expect(bescheid.explanations).toEqual(['Aus der Datei.']);
		expect(bescheid.translations).toEqual([{ language: 'tr', text: 'resmî karar' }]);
		expect(bescheid.usedIn).toEqual(['k/m/a', 'k/m/b']);
		expect(glossary[3]!.explanations).toEqual([
			'Ein Schreiben an die Behörde.',
			'Einspruch gegen einen Bescheid.'
		]);
		expect(glossary[3]!.usedIn).toEqual(['k/m/a', 'k/m/b']);
	});

	it('is searched without case or umlauts, in explanations and translations, terms first', () => {
		const glossary = buildGlossary(
			[
				{
					begriff: 'Widerspruch',
					erklaerung: 'Gegen einen Bescheid.',
					uebersetzungen: { tr: 'itiraz' }
				},
				{ begriff: 'Straße', erklaerung: 'Wo die Behörde ist.' }
			],
			findTermUses(lesson, 'k/m/a')
		);
		const terms = (query: string) => searchGlossary(glossary, query).map((entry) => entry.term);
		expect(terms('BEHORDE')).toEqual(
			['Bescheid', 'Straße', 'Widerspruch'].filter((t) => t !== 'Widerspruch')
		);
		expect(terms('bescheid')).toEqual(['Bescheid', 'Widerspruch']);
		expect(terms('strasse')).toEqual(['Straße']);
		expect(terms('itiraz')).toEqual(['Widerspruch']);
		expect(terms('gegen bescheid')).toEqual(['Widerspruch']);
		expect(terms('gibt es nicht')).toEqual([]);
		expect(terms('  ')).toHaveLength(4);
	});
});
