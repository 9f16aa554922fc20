import type { CourseMeta, HoursSplit } from '../../content/types';
import type { Frontmatter } from './frontmatter';
import type { ProblemList } from './problems';
import type { CourseFrontmatter } from './schemas';

// UE and certificate rules: the parts of a split add up to the total they split, and the
// certificate's criteria can be applied by the platform.

const PART_NAMES: Record<keyof HoursSplit, string> = {
	online: 'online',
	inPerson: 'Präsenz',
	practice: 'Praxis'
};
const PARTS = Object.keys(PART_NAMES) as (keyof HoursSplit)[];

const splitSum = (split: HoursSplit) => split.online + split.inPerson + split.practice;
const describeSplit = (split: HoursSplit) =>
	PARTS.map((part) => `${PART_NAMES[part]} ${split[part]}`).join(' + ');

/** Error when a split does not add up to its total; `path` is where `hoursSplit` sits. */
export function checkSplitSum(
	split: HoursSplit | undefined,
	total: number | undefined,
	where: { path: readonly string[]; totalKey: string; lineOf: Frontmatter['lineOf'] },
	file: string,
	problems: ProblemList
): void {
	if (!split) return;
	const line = where.lineOf(where.path);
	if (total === undefined) {
		problems.error(file, line, `„hoursSplit“ braucht „${where.totalKey}“, die Summe der UE.`);
		return;
	}
	const sum = splitSum(split);
	if (sum !== total) {
		problems.error(
			file,
			line,
			`Die UE-Aufteilung (${describeSplit(split)} = ${sum}) ergibt nicht „${where.totalKey}“ (${total}).`
		);
	}
}

/** The criteria must be able to decide between Zertifikat and Teilnahmebestätigung. */
export function checkCertificateCriteria(
	data: CourseFrontmatter,
	lineOf: Frontmatter['lineOf'],
	file: string,
	problems: ProblemList
): void {
	const criteria = data.certificate?.criteria;
	if (!criteria) return;
	const line = lineOf(['certificate', 'criteria']);
	if (data.certificate?.kind !== 'zertifikat') {
		problems.error(
			file,
			line,
			'„criteria“ gilt nur für „kind: zertifikat“: Wer die Bedingungen nicht erfüllt, erhält eine Teilnahmebestätigung.'
		);
	}
	if (criteria.minAttendancePercent === undefined && !criteria.requiredAssignmentsAccepted) {
		problems.error(
			file,
			line,
			'„criteria“ nennt keine Bedingung: „minAttendancePercent“ oder „requiredAssignmentsAccepted: true“ angeben.'
		);
	}
	if (criteria.minAttendancePercent !== undefined && !data.attendanceRequired) {
		problems.error(
			file,
			lineOf(['certificate', 'criteria', 'minAttendancePercent']),
			'„minAttendancePercent“ braucht „attendanceRequired: true“: Dann stellen die Trainer*innen die Urkunde aus, wenn die Anwesenheit erfasst ist.'
		);
	}
}

/**
 * Warnings when the modules' splits do not match the certificate's: every module with UE needs
 * its own split once one module has one, and each part summed over the modules must match.
 */
export function warnModuleSplits(
	course: CourseMeta,
	courseLineOf: Frontmatter['lineOf'],
	courseFile: string,
	module: (moduleId: string) => { file: string; lineOf: Frontmatter['lineOf'] } | undefined,
	problems: ProblemList
): void {
	const split = course.certificate?.hoursSplit;
	const withSplit = course.modules.filter((entry) => entry.hoursSplit);
	if (!split || withSplit.length === 0) return;
	const missing = course.modules.filter((entry) => !entry.hoursSplit && (entry.hours ?? 0) > 0);
	for (const entry of missing) {
		const where = module(entry.id);
		if (where) {
			problems.warning(
				where.file,
				where.lineOf(['hours']),
				'Das Modul hat keine UE-Aufteilung („hoursSplit“), andere Module des Kurses schon.'
			);
		}
	}
	if (missing.length > 0) return;
	for (const part of PARTS) {
		const sum = withSplit.reduce((total, entry) => total + entry.hoursSplit![part], 0);
		if (sum !== split[part]) {
			problems.warning(
				courseFile,
				courseLineOf(['certificate', 'hoursSplit', part]),
				`Die Module ergeben ${sum} UE ${PART_NAMES[part]}, die UE-Aufteilung des Zertifikats nennt ${split[part]}.`
			);
		}
	}
}
