// What learners and trainers see of a course: the catalogue, course, module and lesson pages and
// the trainer material, built from the content index, the learner's progress and their cohort.
export { catalogueView, courseView, moduleView, startCourse } from './course-view';
export { lessonView, markLesson } from './lesson-view';
export { assessmentGuidance, canFetchModuleFile, trainerMaterialView } from './trainer-material';
