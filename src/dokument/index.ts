export { umsetzungsberichtDocx, massnahmenBeschreibung, zielerreichungBeschreibung } from './berichtDocx';
