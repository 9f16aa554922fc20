import type { ReviewInfo } from '../../content/types';
import { formatMonth, monthOf } from '../../content/months';
import type { Frontmatter } from './frontmatter';
import type { ProblemList } from './problems';
import type { ReviewFrontmatter } from './schemas';

const NONE: ReviewInfo = { stand: null, verantwortlich: null, naechstePruefung: null };

/** A file's own review keys over what it inherits from its module and course, key by key. */
export function inheritReview(own: ReviewFrontmatter, parent: ReviewInfo = NONE): ReviewInfo {
	return {
		stand: own.stand ?? parent.stand,
		verantwortlich: own.verantwortlich ?? parent.verantwortlich,
		naechstePruefung: own.naechstePruefung ?? parent.naechstePruefung
	};
}

/**
 * Warns where a file declares a review that is overdue (the month of `naechstePruefung` has
 * passed), a `stand` in the future, or a next review before its `stand`. Only the declaring
 * file is warned, not every file that inherits the dates.
 */
export function checkReviewDates(
	data: ReviewFrontmatter,
	lineOf: Frontmatter['lineOf'],
	file: string,
	problems: ProblemList,
	today: Date
): void {
	const now = monthOf(today);
	const { stand, naechstePruefung, verantwortlich } = data;
	if (stand && stand > now) {
		problems.warning(
			file,
			lineOf(['stand']),
			`„stand“ (${formatMonth(stand)}) liegt in der Zukunft; gemeint ist der Monat der letzten Prüfung.`
		);
	}
	if (!naechstePruefung) return;
	if (stand && naechstePruefung < stand) {
		problems.warning(
			file,
			lineOf(['naechstePruefung']),
			`„naechstePruefung“ (${formatMonth(naechstePruefung)}) liegt vor „stand“ (${formatMonth(stand)}).`
		);
	} else if (naechstePruefung < now) {
		const who = verantwortlich ? ` (verantwortlich: ${verantwortlich})` : '';
		problems.warning(
			file,
			lineOf(['naechstePruefung']),
			`Die Prüfung war für ${formatMonth(naechstePruefung)} vorgesehen und ist überfällig${who}. Inhalt prüfen, dann „stand“ und „naechstePruefung“ neu setzen.`
		);
	}
}
