// A session's client as a person recognises it: "Firefox 133 · Windows" rather than the whole User-Agent string.

const BROWSERS: Array<[RegExp, string]> = [
  [/\bEdg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
  [/\bOPR\/(\d+)/, 'Opera'],
  [/\bSamsungBrowser\/(\d+)/, 'Samsung Internet'],
  [/\bFirefox\/(\d+)/, 'Firefox'],
  [/\bFxiOS\/(\d+)/, 'Firefox'],
  [/\bCriOS\/(\d+)/, 'Chrome'],
  [/\bChromium\/(\d+)/, 'Chromium'],
  [/\bHeadlessChrome\/(\d+)/, 'Chrome (headless)'],
  [/\bChrome\/(\d+)/, 'Chrome'],
  [/\bVersion\/(\d+)(?:\.\d+)*.*\bSafari\//, 'Safari'],
  [/^curl\/(\d+)/, 'curl'],
];

const SYSTEMS: Array<[RegExp, string]> = [
  [/\bAndroid\b/, 'Android'],
  [/\b(?:iPhone|iPad|iPod)\b/, 'iOS'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

/** At most this many characters of a User-Agent no rule recognises. */
const LONGEST = 48;

/** A short name for a User-Agent string: browser and major version, and the system; else its start. */
export function describeClient(userAgent: string): string {
  const browser = BROWSERS.find(([rule]) => rule.test(userAgent));
  const system = SYSTEMS.find(([rule]) => rule.test(userAgent))?.[1];
  if (browser) {
    const version = browser[0].exec(userAgent)?.[1];
    const name = version ? `${browser[1]} ${version}` : browser[1];
    return system ? `${name} · ${system}` : name;
  }
  if (system) return system;
  const trimmed = userAgent.trim();
  return trimmed.length > LONGEST ? `${trimmed.slice(0, LONGEST - 1).trimEnd()}…` : trimmed;
}
