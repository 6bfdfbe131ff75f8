/** The screens' course data is the one shared course store (renderer/src/stores/course.ts). */
export { useCourse as useCourseData } from '../../stores/course';
