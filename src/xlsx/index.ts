export { DateiFehler, istDateiFehler, type DateiFehlerArt } from './fehler';
export { ladeMappe, normalisierePaket } from './laden';
export { schreibeVorlage, schreibeGrid } from './schreiben';
export { schreibeNetzwerkMappe } from './netzwerkMappe';
