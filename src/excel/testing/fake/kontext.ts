/** Request context of the fake: the queue of loads, sync counting, request/response limits, host and API version. */
import { Basis } from './basis';
import { type FakeArbeitsmappe, FakeOfficeFehler, MAX_NUTZLAST_BYTES } from './modell';

/** "1.13" → [1, 13], so "1.9" < "1.13" */
export function versionTeile(v: string): number[] {
  return v.split('.').map(Number);
}

export function versionMindestens(vorhanden: string, noetig: string): boolean {
  const a = versionTeile(vorhanden);
  const b = versionTeile(noetig);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

export class Kontext {
  syncs = 0;
  zahlenErkennen = false;
  /** highest ExcelApi set of the simulated host; null = everything */
  apiVersion: string | null = null;
  /** which Excel is simulated where hosts differ (address-list separator …) */
  host: FakeHost = 'web';
  /** what deleting cells of a filtered table does (both seen in Excel) */
  gefiltertLoeschen: 'fehler' | 'wirkungslos' = 'fehler';
  readonly protokoll: string[] = [];
  private offen: Basis[] = [];
  constructor(readonly modell: FakeArbeitsmappe) {}
  vormerken(o: Basis): void {
    this.offen.push(o);
  }
  /** a user is editing a cell: Excel rejects every request until the edit ends */
  zellbearbeitung = false;
  /** error of a queued call: Office.js reports it at the next sync, not at the call */
  private fehlerBeimSync: FakeOfficeFehler | null = null;
  spaeterFehler(f: FakeOfficeFehler): void {
    this.fehlerBeimSync ??= f;
  }
  /** data bytes of the request being queued (values, number formats) */
  anfrageBytes = 0;
  async sync(): Promise<void> {
    // Excel's 5 MB limits, on the request (what was queued) and on the response (what was loaded)
    const anfrage = this.anfrageBytes;
    this.anfrageBytes = 0;
    if (anfrage > MAX_NUTZLAST_BYTES) {
      this.offen = [];
      throw new FakeOfficeFehler('RequestPayloadSizeLimitExceeded', `Anfrage mit ${anfrage} Bytes über dem Limit`);
    }
    const antwort = this.offen.reduce((n, o) => n + o.antwortBytes(), 0);
    if (antwort > MAX_NUTZLAST_BYTES) {
      this.offen = [];
      throw new FakeOfficeFehler('ResponsePayloadSizeLimitExceeded', `Antwort mit ${antwort} Bytes über dem Limit`);
    }
    const f = this.fehlerBeimSync;
    if (f) {
      this.fehlerBeimSync = null;
      this.offen = [];
      throw f;
    }
    if (this.zellbearbeitung) {
      this.offen = [];
      throw new FakeOfficeFehler('InvalidOperationInCellEditMode', 'Excel befindet sich im Zellbearbeitungsmodus.');
    }
    this.syncs++;
    const offen = this.offen;
    this.offen = [];
    for (const o of offen) o.aufloesen();
  }
  log(eintrag: string): void {
    this.protokoll.push(eintrag);
  }
  /** Office.js on an older host: a member above its requirement sets fails with ApiNotFound */
  braucht(version: string, member: string): void {
    if (this.apiVersion !== null && !versionMindestens(this.apiVersion, version)) {
      throw new FakeOfficeFehler('ApiNotFound', `${member} braucht ExcelApi ${version}, dieser Host kann nur ${this.apiVersion}`);
    }
  }
}

/**
 * The simulated Excel where hosts behave differently: 'web' (Excel on the
 * web, the default) and 'desktop-de' (German Excel for Windows).
 */
export type FakeHost = 'web' | 'desktop-de';
