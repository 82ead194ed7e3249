/**
 * Chrome only: mark the toolbar icon on pages of known public forges that are not enabled yet, without reading
 * any tab's URL (declarativeContent matches in the browser). Firefox has no declarativeContent: no signal there.
 */
interface DeclarativeContent {
  onPageChanged: {
    removeRules(ids?: string[]): Promise<void>;
    addRules(rules: Array<{ id: string; conditions: unknown[]; actions: unknown[] }>): Promise<void>;
  };
  PageStateMatcher: new (o: { pageUrl: { hostEquals: string; schemes: string[] } }) => unknown;
  SetIcon: new (o: { imageData: Record<number, ImageData> }) => unknown;
}

const RULE_ID = 'known-forge-not-enabled';

function declarativeContent(): DeclarativeContent | undefined {
  return (globalThis as unknown as { chrome?: { declarativeContent?: DeclarativeContent } }).chrome?.declarativeContent;
}

/** The extension icon with an amber dot: "this forge is known, panels are one click away". */
async function alertIcon(size: number): Promise<ImageData> {
  const canvas = new OffscreenCanvas(size, size);
  const ctx = canvas.getContext('2d')!;
  const bitmap = await createImageBitmap(await (await fetch(`/icons/${size}.png`)).blob());
  ctx.drawImage(bitmap, 0, 0, size, size);
  ctx.fillStyle = '#bf8700';
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = size / 16;
  ctx.beginPath();
  ctx.arc(size * 0.78, size * 0.22, size * 0.2, 0, 2 * Math.PI);
  ctx.fill();
  ctx.stroke();
  return ctx.getImageData(0, 0, size, size);
}

export async function signalKnownForges(hostsNotEnabled: readonly string[]): Promise<boolean> {
  const dc = declarativeContent();
  if (!dc) return false;
  const imageData: Record<number, ImageData> = hostsNotEnabled.length ? { 16: await alertIcon(16), 32: await alertIcon(32) } : {};
  await dc.onPageChanged.removeRules([RULE_ID]);
  if (hostsNotEnabled.length === 0) return true;
  await dc.onPageChanged.addRules([
    {
      id: RULE_ID,
      conditions: hostsNotEnabled.map((host) => new dc.PageStateMatcher({ pageUrl: { hostEquals: host, schemes: ['https'] } })),
      actions: [new dc.SetIcon({ imageData })],
    },
  ]);
  return true;
}
