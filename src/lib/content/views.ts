/** Page data of the course pages: plain, serialisable and safe for the browser. */
import type {
	CertificateCriteria,
	CourseDocument,
	HoursSplit,
	ItemType,
	ReviewInfo,
	UnlockMode
} from './types';

export interface Counts {
	done: number;
	total: number;
}

export interface ItemLink {
	id: string;
	title: string;
	type: ItemType;
	url: string;
}

export interface ItemRow extends ItemLink {
	minutes: number | null;
	/** null when the viewer has no progress (trainers, not enrolled). */
	done: boolean | null;
	/** Added to the course after the learner had finished the rest of its module. */
	isNew: boolean;
	/** A Praxisaufgabe with `required: false`: module and course are complete without it. */
	voluntary: boolean;
	/** A quiz the learner failed in every allowed attempt: only a trainer can allow another. */
	usedUp: boolean;
}

/** Why a learner cannot open a module yet; null when it is open. */
export type ModuleLock =
	| { reason: 'not_enrolled'; courseUrl: string }
	| {
			reason: 'previous_incomplete';
			previous: { title: string; url: string };
			missing: ItemLink[];
	  };

/** Course access for the viewer: staff read everything, learners need an enrolment. */
export type Enrolment = 'staff' | 'enrolled' | 'open' | 'closed';

export interface CourseCard {
	id: string;
	title: string;
	summary: string;
	url: string;
	moduleCount: number;
	hours: number | null;
	/** The learner's document if they hold one, else what the course awards. */
	certificateKind: CourseDocument | null;
	enrolled: boolean;
	progress: (Counts & { percent: number }) | null;
}

export interface ModuleRow {
	id: string;
	title: string;
	summary: string | null;
	hours: number | null;
	objectives: string[];
	url: string;
	items: ItemRow[];
	progress: Counts | null;
	lock: ModuleLock | null;
	/** The in-person days of the learner's cohort for this module (null: self-paced or not set). */
	schedule: ModuleSchedule | null;
}

export interface ModuleSchedule {
	startsOn: string;
	endsOn: string | null;
	place: string | null;
}

export interface CourseView {
	id: string;
	title: string;
	summary: string;
	url: string;
	unlock: UnlockMode;
	hours: number | null;
	hoursSplit: HoursSplit | null;
	certificateKind: CourseDocument | null;
	/** What earns the Zertifikat (others get a Teilnahmebestätigung); null: no criteria. */
	certificateCriteria: CertificateCriteria | null;
	enrolment: Enrolment;
	/** The Austausch of the learner's cohort; null for staff and self-paced learners. */
	discussionUrl: string | null;
	progress: (Counts & { percent: number; isComplete: boolean }) | null;
	/** Where an enrolled learner continues: the first open item not yet done. */
	resume: ItemLink | null;
	modules: ModuleRow[];
	/** The cohort's Vertiefungstreffen after the last module (ISO date), for its learners. */
	followUpDate: string | null;
}

export interface ModuleView {
	course: { id: string; title: string; url: string };
	module: ModuleRow;
	enrolment: Enrolment;
	/** Handouts and templates of the module and its items that the viewer may fetch. */
	downloads: DownloadRow[];
	/** Only for trainers of the course and admins. */
	trainer: TrainerSection | null;
}

/** A file to download, with what a link text needs: type and size. */
export interface DownloadRow {
	title: string;
	description: string | null;
	url: string;
	/** `PDF`, `DOCX` or `ODT`. */
	type: string;
	/** Bytes. */
	size: number;
	trainerOnly: boolean;
}

export interface TrainerMaterialLink {
	id: string;
	title: string;
	url: string;
	/** The practice assignment this guidance belongs to. */
	assignment: { title: string; url: string } | null;
}

/** What the module page adds for trainers of the course. */
export interface TrainerSection {
	materials: TrainerMaterialLink[];
	/** Files from the module's trainer/ folder listed in module.md. */
	downloads: DownloadRow[];
}

export interface TrainerMaterialView {
	course: { id: string; title: string; url: string };
	module: { id: string; title: string; url: string };
	material: TrainerMaterialLink;
	/** Sanitised HTML, rendered like a lesson body. */
	html: string;
	downloads: DownloadRow[];
	review: ReviewInfo;
}

/** Assessment guidance shown to the reviewer beside a submission. */
export interface AssessmentGuidance {
	title: string;
	url: string;
	html: string;
}
