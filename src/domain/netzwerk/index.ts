export * from './hash';
export * from './werte';
export * from './tabellen';
export * from './herkunft';
export * from './aufteilen';
export * from './zusammenfuehren';
