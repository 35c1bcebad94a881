/** The in-memory Excel, one file per Excel object under ./fake; this path stays for existing imports. */
export * from './fake';
