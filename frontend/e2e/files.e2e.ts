// Files end to end on a fresh server (local storage): a citizen uploads a PDF and a PNG to a draft idea over a slow
// link (the progress bars move), sees the image's preview, downloads the PDF under its Persian name with its own
// bytes, removes the image after a confirmation and agrees that the idea's documents may be public; staff add an
// internal photograph and a public report to an activity, and the public sees the report only; on a phone, the
// citizen adds evidence of a tie abroad from the profile.
import { readFileSync } from 'node:fs';
import { deflateSync, crc32 } from 'node:zlib';
import type { Locator, Page } from 'playwright-core';
import { isolate } from '@/lib/i18n/text';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectFitsPhone, freshServerAndBrowser, openBrowser, PHONE, screenshot, signIn, signOut, strings, useLocale, type Locale } from './harness';

const STAFF = 'staff.files@e2e.test';
const CITIZEN = 'citizen.files@e2e.test';
const IDEA_TITLE = 'هفتهٔ صنایع دستی اصفهان در فلورانس';
const ACTIVITY = { fa: 'بازدید هیئت فلورانس از اصفهان', en: 'Florence delegation visits Isfahan' };
const PDF_NAME = 'طرح همکاری.pdf';
const PNG_NAME = 'پذیرش دانشگاه.png';
const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();
/** An i18n template with its values put in. */
const fill = (template: string, values: Record<string, string>) => template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');

/** A small valid PDF whose metadata names its author, padded to `size` bytes so that a slow upload takes a while. */
function pdfBytes(size: number): Buffer {
  const padding = ' '.repeat(Math.max(0, size - 700));
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    `<< /Length ${padding.length} >>\nstream\n${padding}\nendstream`,
    '<< /Title (Handicraft week) /Author (Sara Ahmadi) /Producer (e2e) >>',
  ];
  let text = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(text));
    text += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(text);
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) text += `${String(offset).padStart(10, '0')} 00000 n \n`;
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(text, 'latin1');
}

/** A PNG of `side` × `side` pixels: a gradient, with noise so that it does not compress to nothing. */
function pngBytes(side: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows: Buffer[] = [];
  let seed = 7;
  for (let y = 0; y < side; y++) {
    const row = Buffer.alloc(1 + side * 3);
    for (let x = 0; x < side; x++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      row[1 + x * 3] = (x * 255) / side;
      row[2 + x * 3] = (y * 255) / side;
      row[3 + x * 3] = seed & 0xff;
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Chooses files through the section's file picker, as a reader does. */
async function chooseFiles(page: Page, section: Locator, locale: Locale, files: { name: string; mimeType: string; buffer: Buffer }[]) {
  const chooser = page.waitForEvent('filechooser');
  await section.getByRole('button', { name: strings(locale).files.add.choose }).click();
  await (await chooser).setFiles(files);
}

/** Slows the browser's uploads to `bytesPerSecond` (null: back to full speed). */
async function throttleUploads(page: Page, bytesPerSecond: number | null) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond ?? -1,
  });
}

describe('files', () => {
  const ids = { call: '', city: '', idea: '', partnership: '', activity: '' };
  const pdf = pdfBytes(256 * 1024);
  const png = pngBytes(96);

  const fresh = freshServerAndBrowser(async ({ server }) => {
    server.createUser(STAFF, 'کارشناس اسناد', ['staff']);
    server.createUser(CITIZEN, 'سارا احمدی');
    const staff = await server.signInApi(STAFF);
    const call = await server.api('POST', '/calls', {
      token: staff,
      body: {
        title: { fa: 'فراخوان اسناد', en: 'Documents call' },
        description: { fa: 'فراخوانی برای آزمودن پرونده‌ها.', en: 'A call to try files.' },
        opensAt: days(-1),
        closesAt: days(20),
        reviewOpensAt: days(21),
        reviewClosesAt: days(40),
        domains: ['cultural'],
        blindReview: true,
      },
    });
    ids.call = call.id as string;
    const city = await server.api('POST', '/cities', { token: staff, body: { country: 'IT', name: { fa: 'فلورانس', en: 'Florence' } } });
    ids.city = city.id as string;
    const citizen = await server.signInApi(CITIZEN);
    await server.api('PATCH', '/me', { token: citizen, body: { profile: { ties: [{ city: 'Firenze', country: 'IT', nature: 'study', since: 2015 }] } } });
    const idea = await server.api('POST', '/ideas', { token: citizen, body: { callId: ids.call, title: IDEA_TITLE, domain: 'cultural', targetCityId: ids.city } });
    ids.idea = idea.id as string;
    const partnership = await server.api('POST', '/partnerships', {
      token: staff,
      body: { cityId: ids.city, kind: 'sister_city', state: 'active', signedOn: '2024-05-01' },
    });
    ids.partnership = partnership.id as string;
    const activity = await server.api('POST', `/cities/${ids.city}/activities`, {
      token: staff,
      body: { occurredOn: '2025-06-10', kind: 'visit', direction: 'joint', title: ACTIVITY },
    });
    ids.activity = activity.id as string;
  });

  it('a citizen uploads a PDF and a PNG to a draft idea, downloads one and removes the other (fa)', async () => {
    const { server, browser: { page } } = fresh;
    const s = strings('fa');
    const f = s.files;
    await page.goto(`${server.url}/`);
    await useLocale(page, 'fa');
    await signIn(page, server, 'fa', CITIZEN);
    await page.goto(`${server.url}/my/ideas/${ids.idea}`);
    await page.getByRole('heading', { level: 1, name: IDEA_TITLE }).waitFor();
    const section = page.getByRole('region', { name: s.ideas.detail.files });
    await section.getByText(f.empty).waitFor();
    // The call is blind: the submitter is told what its reviewers never see.
    await section.getByText(f.idea.blindNote).waitFor();
    await expectAccessible(page, 'idea files (fa)');

    // A slow link, so that the progress bars are there to see.
    await throttleUploads(page, 64 * 1024);
    await section.getByRole('radio', { name: f.add.kindProposal }).check();
    await section.getByRole('textbox', { name: f.add.description }).fill('طرح کامل هفتهٔ صنایع دستی');
    await chooseFiles(page, section, 'fa', [
      { name: PDF_NAME, mimeType: 'application/pdf', buffer: pdf },
      { name: PNG_NAME, mimeType: 'image/png', buffer: png },
    ]);
    const bar = section.getByRole('progressbar', { name: fill(f.progress.label, { name: PDF_NAME }) });
    await bar.waitFor();
    await section.getByRole('progressbar', { name: fill(f.progress.label, { name: PNG_NAME }) }).waitFor({ state: 'attached' });
    await expect.poll(async () => Number((await bar.getAttribute('aria-valuenow', { timeout: 1_000 }).catch(() => null)) ?? 100), { timeout: 20_000, interval: 100 }).toBeGreaterThan(0);
    await screenshot(page, 'idea-files-uploading-fa-desktop');
    await expectAccessible(page, 'idea files uploading (fa)');

    const pdfLink = section.getByRole('link', { name: PDF_NAME, exact: true });
    const pngLink = section.getByRole('link', { name: PNG_NAME, exact: true });
    await pdfLink.waitFor({ timeout: 30_000 });
    await pngLink.waitFor({ timeout: 30_000 });
    await section.getByRole('progressbar').first().waitFor({ state: 'detached' });
    await throttleUploads(page, null);

    const pdfItem = section.getByRole('listitem').filter({ has: page.getByRole('link', { name: PDF_NAME, exact: true }) });
    await pdfItem.getByText(f.types.pdf).waitFor();
    await pdfItem.getByText('طرح کامل هفتهٔ صنایع دستی').waitFor();
    // 256 KB, in Persian digits.
    await pdfItem.getByText('۲۵۶ کیلوبایت').waitFor();
    // The author its metadata names is pointed out to the uploader.
    await pdfItem.getByText(/Sara Ahmadi/).waitFor();

    // The image's preview, loaded from its signed link (the policy allows it).
    const preview = section.getByRole('img', { name: fill(f.item.preview, { name: PNG_NAME }) });
    await preview.waitFor();
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await screenshot(page, 'idea-files-fa-desktop');
    await expectAccessible(page, 'idea with files (fa)');

    // The link downloads the PDF under its Persian name, with its own bytes.
    const download = page.waitForEvent('download');
    await pdfLink.click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe(PDF_NAME);
    const path = await saved.path();
    expect(readFileSync(path).equals(pdf)).toBe(true);

    // Removing asks first; cancelling keeps the file.
    const removeImage = section.getByRole('button', { name: fill(f.item.removeLabel, { name: PNG_NAME }) });
    await removeImage.click();
    let dialog = section.getByRole('alertdialog', { name: f.remove.title });
    await dialog.getByText(fill(f.remove.question, { name: isolate(PNG_NAME) })).waitFor();
    await expectAccessible(page, 'remove a file (fa)');
    await dialog.getByRole('button', { name: s.common.actions.cancel }).click();
    await dialog.waitFor({ state: 'detached' });
    await pngLink.waitFor();
    await removeImage.click();
    dialog = section.getByRole('alertdialog', { name: f.remove.title });
    await dialog.getByRole('button', { name: f.remove.confirm }).click();
    await section.getByRole('status').filter({ hasText: fill(f.remove.removed, { name: isolate(PNG_NAME) }) }).waitFor();
    await pngLink.waitFor({ state: 'detached' });
    await pdfLink.waitFor();

    // The consent to show the documents once the idea is selected, set in the form before submitting.
    await page.goto(`${server.url}/my/ideas/${ids.idea}/edit`);
    const consent = page.getByRole('checkbox', { name: s.ideas.form.fields.filesPublic });
    expect(await consent.isChecked()).toBe(false);
    await consent.check();
    await page.getByRole('button', { name: s.ideas.form.saveDraft }).click();
    await page.getByRole('status').filter({ hasText: s.ideas.form.savedChanges }).waitFor();
    // The form's page has the files too.
    await page.getByRole('region', { name: s.ideas.detail.files }).getByRole('link', { name: PDF_NAME, exact: true }).waitFor();
    await page.goto(`${server.url}/my/ideas/${ids.idea}`);
    await page.getByText(s.ideas.detail.filesPublic).waitFor();
    await signOut(page, 'fa');
  });

  it('staff add an internal photograph and a public report to an activity; the public sees the report only (en)', async () => {
    const { server, browser: { page } } = fresh;
    const s = strings('en');
    const f = s.files;
    await page.goto(`${server.url}/`);
    await useLocale(page, 'en');
    await signIn(page, server, 'en', STAFF);
    await page.goto(`${server.url}/staff/partnerships/${ids.partnership}`);
    await page.getByRole('heading', { level: 1, name: 'Florence' }).waitFor();
    const section = page.getByRole('region', { name: fill(s.partnerships.timeline.files, { title: ACTIVITY.en }) });
    await section.getByText(f.empty).waitFor();

    await section.getByRole('checkbox', { name: f.add.internal }).check();
    await section.getByRole('textbox', { name: f.add.description }).fill('The delegation at the town hall');
    await chooseFiles(page, section, 'en', [{ name: 'delegation.png', mimeType: 'image/png', buffer: png }]);
    const photo = section.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'delegation.png', exact: true }) });
    await photo.getByText(f.item.internal, { exact: true }).waitFor();
    await photo.getByRole('img', { name: fill(f.item.preview, { name: 'delegation.png' }) }).waitFor();

    await section.getByRole('checkbox', { name: f.add.internal }).uncheck();
    await chooseFiles(page, section, 'en', [{ name: 'visit-report.pdf', mimeType: 'application/pdf', buffer: pdfBytes(4 * 1024) }]);
    const report = section.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'visit-report.pdf', exact: true }) });
    await report.waitFor();
    expect(await report.getByText(f.item.internal, { exact: true }).count()).toBe(0);
    await screenshot(page, 'activity-files-en-desktop');
    await expectAccessible(page, 'activity files (en)');
    await signOut(page, 'en');

    // Signed out: the activity's public report, and no trace of the internal photograph.
    await page.goto(`${server.url}/sister-cities/${ids.partnership}`);
    await page.getByRole('heading', { level: 1, name: 'Florence' }).waitFor();
    const open = page.getByRole('region', { name: fill(s.partnerships.timeline.files, { title: ACTIVITY.en }) });
    await open.getByRole('link', { name: 'visit-report.pdf', exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'delegation.png' }).count()).toBe(0);
    expect(await page.getByText('The delegation at the town hall').count()).toBe(0);
    expect(await open.getByRole('button').count()).toBe(0);
    await expectAccessible(page, 'public activity files (en)');
  });

  it('fits a phone, where the citizen adds evidence of a tie abroad (fa)', async () => {
    const { server } = fresh;
    const s = strings('fa');
    const phone = await openBrowser(PHONE);
    try {
      const { page } = phone;
      await page.goto(`${server.url}/`);
      await useLocale(page, 'fa');
      await signIn(page, server, 'fa', CITIZEN);
      await page.goto(`${server.url}/my/ideas/${ids.idea}`);
      await page.getByRole('region', { name: s.ideas.detail.files }).getByRole('link', { name: PDF_NAME, exact: true }).waitFor();
      await screenshot(page, 'idea-files-fa-phone');
      await expectFitsPhone(page, 'idea with files (fa)');

      await page.goto(`${server.url}/profile`);
      const title = fill(s.files.tie.heading, { city: isolate('Firenze'), country: 'ایتالیا', nature: s.enums.TieKind.study });
      const tie = page.getByRole('region', { name: title });
      await tie.getByText(s.files.empty).waitFor();
      await chooseFiles(page, tie, 'fa', [{ name: 'admission.png', mimeType: 'image/png', buffer: png }]);
      await tie.getByRole('img', { name: fill(s.files.item.preview, { name: 'admission.png' }) }).waitFor();
      await screenshot(page, 'profile-tie-files-fa-phone');
      await expectFitsPhone(page, 'profile with tie evidence (fa)');
      await expectAccessible(page, 'profile with tie evidence (fa)');
    } finally {
      await phone.close();
    }
  });
});
