export * from './tsv';
export * from './cell-input';
export * from './range';
export * from './view';
export * from './cell-view';
export * from './time';
