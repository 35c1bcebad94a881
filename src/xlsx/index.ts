export { DateiFehler, istDateiFehler, type DateiFehlerArt } from './fehler';
export { ladeArbeitsmappe, leseDateiBytes, normalisierePaket } from './laden';
export { leseRohdaten, rohwert, zerlegeBereich } from './lesen';
export { schreibeVorlage, schreibeGrid } from './schreiben';
export { speichereArbeitsmappe, speichereDatei } from './speichern';
export { schreibeNetzwerkMappe } from './netzwerkMappe';
