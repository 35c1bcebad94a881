/**
 * Where the pane runs: inside Excel, in another Office app, or in a plain
 * browser. office.js comes from Microsoft's CDN; when it is missing (offline,
 * blocked) or Office.onReady never answers, the pane must not hang, so every
 * path ends within `wartezeitMs`.
 */

export type Umgebung =
  | { readonly art: 'excel'; readonly dunkel: boolean }
  | { readonly art: 'anderes-office'; readonly host: string }
  | { readonly art: 'ohne-office'; readonly grund: 'kein-office-js' | 'kein-host' | 'zeitueberschreitung' };

/** The subset of the Office global the start-up uses (office.js may be absent). */
interface OfficeGlobal {
  onReady(): Promise<{ host: string | null; platform: string | null }>;
  HostType: { Excel: string };
  context?: { officeTheme?: { bodyBackgroundColor?: string } };
}

/** Relative luminance of #RRGGBB below 0.5 counts as a dark Office theme. */
export function istDunkel(farbe: string | undefined): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(farbe ?? '');
  if (!m) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

export async function ermittleUmgebung(office: unknown, wartezeitMs: number): Promise<Umgebung> {
  if (typeof office !== 'object' || office === null || typeof (office as OfficeGlobal).onReady !== 'function') {
    return { art: 'ohne-office', grund: 'kein-office-js' };
  }
  const o = office as OfficeGlobal;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const zeit = new Promise<'zeit'>((resolve) => {
    timer = setTimeout(() => resolve('zeit'), wartezeitMs);
  });
  try {
    const info = await Promise.race([o.onReady(), zeit]);
    if (info === 'zeit') return { art: 'ohne-office', grund: 'zeitueberschreitung' };
    if (!info.host) return { art: 'ohne-office', grund: 'kein-host' };
    if (info.host !== o.HostType.Excel) return { art: 'anderes-office', host: String(info.host) };
    return { art: 'excel', dunkel: istDunkel(o.context?.officeTheme?.bodyBackgroundColor) };
  } finally {
    clearTimeout(timer);
  }
}
