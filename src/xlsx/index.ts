export { DateiFehler, istDateiFehler, type DateiFehlerArt } from './fehler';
export { ladeArbeitsmappe, leseDateiBytes } from './dateiLaden';
export { ladeMappe, normalisierePaket } from './laden';
export { schreibeVorlage, schreibeGrid } from './schreiben';
export { speichereArbeitsmappe, speichereDatei } from './speichern';
export { schreibeNetzwerkMappe } from './netzwerkMappe';
