// The project resolves modules the classic Node way, which does not read the
// package's "exports" map; the charts entry point's types live here.
declare module 'docx/charts' {
  export * from 'docx/dist/charts';
}
