import {
	countsTowardCompletion,
	type CertificateKind,
	type CourseDocument,
	type CourseMeta,
	type ItemMeta,
	type ModuleMeta
} from '$lib/content/types';
import type {
	ModuleSchedule,
	CourseCard,
	CourseView,
	Enrolment,
	ItemLink,
	ModuleLock,
	ModuleRow,
	ModuleView
} from '$lib/content/views';
import { courseUrl, itemUrl, moduleUrl } from '$lib/urls';
import type { SessionUser } from '../auth/session';
import { listCertificatesOfUser, validDocumentKindOf } from '../certificates/queries';
import { getCohort } from '../cohorts/cohorts';
import { enrol, getEnrolment, isOpenForEnrolment } from '../cohorts/enrolment';
import { discussionUrl, itemThreadsUrl } from '../discussions/links';
import {
	courseStanding,
	enrolmentProgress,
	type CourseStanding,
	type ModuleAccess,
	type ModuleProgress
} from '../progress';
import { getCatalogue, getCourse, getModule } from '../content';
import { downloadRows, uniqueDownloads } from '../content/downloads-view';
import { trainerSection } from './trainer-material';
import { usedUpQuizzes } from '../quiz/used-up';

// Page data for the learner-facing course pages (shapes in `$lib/content/views`), so routes
// only decide between showing, redirecting and failing.

export type * from '$lib/content/views';

const isStaff = (user: SessionUser) => user.role !== 'learner';

export const toItemLink = (item: ItemMeta): ItemLink => ({
	id: item.id,
	title: item.title,
	type: item.type,
	url: itemUrl(item)
});

/** UE of a course: the modules' hours added up, else the certificate's figure. */
export function courseHours(course: CourseMeta): number | null {
	const hours = course.modules.map((module) => module.hours).filter((h) => h !== null);
	if (hours.length > 0) return hours.reduce((sum, h) => sum + h, 0);
	return course.certificate?.hours ?? null;
}

/** The reader's relation to the course, from the standing the page has read. */
export function standingStatus(
	user: SessionUser,
	courseId: string,
	standing: CourseStanding
): Enrolment {
	if (isStaff(user)) return 'staff';
	if (standing.enrolment) return 'enrolled';
	return isOpenForEnrolment(courseId) ? 'open' : 'closed';
}

/**
 * The Austausch of the learner's cohort, or its threads about one item; none for staff and
 * self-paced learners.
 */
export function cohortDiscussionUrl(standing: CourseStanding, itemId?: string): string | null {
	const cohortId = standing.enrolment?.cohortId;
	if (!cohortId) return null;
	return itemId ? itemThreadsUrl(cohortId, itemId) : discussionUrl(cohortId);
}

/** `accessTo` from the reader's courseStanding(). */
export function moduleLock(
	user: SessionUser,
	module: ModuleMeta,
	accessTo: (moduleId: string) => ModuleAccess
): ModuleLock | null {
	const access = accessTo(module.id);
	if (access.open) return null;
	if (access.reason === 'not_enrolled') {
		return { reason: 'not_enrolled', courseUrl: courseUrl(module.courseId) };
	}
	return {
		reason: 'previous_incomplete',
		previous: { title: access.previous.title, url: moduleUrl(access.previous.id) },
		missing: access.missing.map(toItemLink)
	};
}

/** The learner's cohort (with dates and trainers); none for staff and self-paced learners. */
function learnerCohort(standing: CourseStanding) {
	const cohortId = standing.enrolment?.cohortId;
	return cohortId ? getCohort(cohortId) : undefined;
}

/** Module ID → the in-person days of the learner's cohort; empty for self-paced learners. */
function cohortSchedule(cohort: ReturnType<typeof learnerCohort>): Map<string, ModuleSchedule> {
	const schedule = new Map<string, ModuleSchedule>();
	for (const module of cohort?.modules ?? []) {
		if (!module.startsOn) continue;
		schedule.set(module.moduleId, {
			startsOn: module.startsOn,
			endsOn: module.endsOn !== module.startsOn ? module.endsOn : null,
			place: module.place
		});
	}
	return schedule;
}

function moduleRow(
	user: SessionUser,
	module: ModuleMeta,
	progress: ModuleProgress | undefined,
	schedule: ReadonlyMap<string, ModuleSchedule>,
	accessTo: (moduleId: string) => ModuleAccess,
	usedUp: ReadonlySet<string>
): ModuleRow {
	const doneById = new Map(progress?.items.map((entry) => [entry.item.id, entry.complete]));
	const newIds = new Set(
		progress?.items.filter((entry) => entry.isNew).map((entry) => entry.item.id)
	);
	return {
		id: module.id,
		title: module.title,
		summary: module.summary,
		hours: module.hours,
		objectives: module.objectives,
		url: moduleUrl(module.id),
		items: module.items.map((item) => ({
			...toItemLink(item),
			minutes: item.type === 'lesson' ? item.minutes : null,
			done: progress ? (doneById.get(item.id) ?? false) : null,
			isNew: newIds.has(item.id),
			voluntary: !countsTowardCompletion(item),
			usedUp: usedUp.has(item.id)
		})),
		progress: progress ? { done: progress.done, total: progress.total } : null,
		lock: moduleLock(user, module, accessTo),
		schedule: schedule.get(module.id) ?? null
	};
}

/**
 * The document a course's pages name: the one the learner holds (a course with criteria awards
 * either), else the course's kind, or both while its criteria have not decided yet. So the card
 * says "Teilnahmebestätigung" to whoever was issued one, as the mail and the PDF do.
 */
function documentOf(course: CourseMeta, held: CertificateKind | undefined): CourseDocument | null {
	if (!course.certificate) return null;
	if (held) return held;
	return course.certificate.criteria ? 'either' : course.certificate.kind;
}

export function catalogueView(user: SessionUser): CourseCard[] {
	const held = new Map(
		isStaff(user)
			? []
			: listCertificatesOfUser(user.id)
					.filter((certificate) => certificate.status === 'valid')
					.map((certificate) => [certificate.courseId, certificate.snapshot.kind])
	);
	return getCatalogue().map((course) => {
		const enrolment = isStaff(user) ? undefined : getEnrolment(user.id, course.id);
		const enrolled = enrolment !== undefined;
		const progress = enrolment && enrolmentProgress(enrolment);
		return {
			id: course.id,
			title: course.title,
			summary: course.summary,
			url: courseUrl(course.id),
			moduleCount: course.modules.length,
			hours: courseHours(course),
			certificateKind: documentOf(course, held.get(course.id)),
			enrolled,
			progress: progress
				? { done: progress.done, total: progress.total, percent: progress.percent }
				: null
		};
	});
}

export function courseView(user: SessionUser, courseId: string): CourseView | undefined {
	const course = getCourse(courseId);
	if (!course) return undefined;
	const standing = courseStanding(user, courseId);
	const { progress, accessTo } = standing;
	const cohort = learnerCohort(standing);
	const schedule = cohortSchedule(cohort);
	const usedUp = progress ? usedUpQuizzes(user.id, courseId) : new Set<string>();
	const modules = course.modules.map((module, index) =>
		moduleRow(user, module, progress?.modules[index], schedule, accessTo, usedUp)
	);
	const resume = modules
		.filter((module) => module.lock === null)
		.flatMap((module) => module.items)
		.find((item) => item.done === false);
	return {
		id: course.id,
		title: course.title,
		summary: course.summary,
		url: courseUrl(course.id),
		unlock: course.unlock,
		hours: courseHours(course),
		hoursSplit: course.certificate?.hoursSplit ?? null,
		certificateKind: documentOf(
			course,
			isStaff(user) ? undefined : validDocumentKindOf(user.id, courseId)
		),
		certificateCriteria: course.certificate?.criteria ?? null,
		enrolment: standingStatus(user, courseId, standing),
		discussionUrl: cohortDiscussionUrl(standing),
		progress: progress
			? {
					done: progress.done,
					total: progress.total,
					percent: progress.percent,
					isComplete: progress.isComplete
				}
			: null,
		resume: resume
			? { id: resume.id, title: resume.title, type: resume.type, url: resume.url }
			: null,
		modules,
		followUpDate: cohort?.followUpDate ?? null
	};
}

export function moduleView(user: SessionUser, moduleId: string): ModuleView | undefined {
	const module = getModule(moduleId);
	const course = module && getCourse(module.courseId);
	if (!module || !course) return undefined;
	const standing = courseStanding(user, course.id);
	const row = moduleRow(
		user,
		module,
		standing.progress?.modules[module.order],
		cohortSchedule(learnerCohort(standing)),
		standing.accessTo,
		standing.progress ? usedUpQuizzes(user.id, course.id) : new Set()
	);
	return {
		course: { id: course.id, title: course.title, url: courseUrl(course.id) },
		module: row,
		enrolment: standingStatus(user, course.id, standing),
		downloads: row.lock === null ? moduleDownloads(module) : [],
		trainer: trainerSection(user, module)
	};
}

/** What learners may fetch: module.md's handouts, then those of the lessons and assignments. */
function moduleDownloads(module: ModuleMeta) {
	const lists = [
		module.downloads,
		...module.items.map((item) => ('downloads' in item ? item.downloads : []))
	];
	const shared = uniqueDownloads(lists).filter((download) => !download.trainerOnly);
	return downloadRows(module.courseId, module.slug, shared);
}

export type StartResult =
	{ ok: true; url: string } | { ok: false; reason: 'not_found' | 'not_learner' | 'closed' };

/**
 * Self-paced enrolment of a learner into a course that is open for it. Leads to the first
 * item not done yet (re-enrolling is harmless: `enrol` is idempotent).
 */
export function startCourse(user: SessionUser, courseId: string): StartResult {
	const course = getCourse(courseId);
	if (!course) return { ok: false, reason: 'not_found' };
	if (isStaff(user)) return { ok: false, reason: 'not_learner' };
	if (!getEnrolment(user.id, courseId) && !isOpenForEnrolment(courseId)) {
		return { ok: false, reason: 'closed' };
	}
	enrol(user.id, courseId);
	const view = courseView(user, courseId)!;
	return { ok: true, url: view.resume?.url ?? view.url };
}
