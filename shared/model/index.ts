export * from './policy';
export * from './course';
export * from './preset';
export * from './portable';
export * from './packed';
export * from './student-name';
