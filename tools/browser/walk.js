// Walks the running application in Debian's Chromium (puppeteer-core drives /usr/bin/chromium):
// the portal on a 360 px phone and the staff pages logged in through Tasklist's own login form (the same session),
// runs axe-core on each page (fails on any serious or critical violation), checks that nothing is wider than the
// screen, and writes screenshots to docs/screenshots/.
//   BASE=http://localhost:8093 STAFF=olivia:Demo-2026 node walk.js
const fs = require('fs');
const path = require('path');
const puppeteer = require('puppeteer-core');

const BASE = process.env.BASE || 'http://localhost:8080';
const [USER, PASSWORD] = (process.env.STAFF || 'olivia:Demo-2026').split(':');
const OUT = process.env.OUT || path.join(__dirname, '..', '..', 'docs', 'screenshots');
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const problems = [];

async function check(page, name, { width, shot = true } = {}) {
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => await axe.run(document, { resultTypes: ['violations'] }));
  const bad = result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical');
  bad.forEach(v => problems.push(`${name}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')}`));
  if (width) {
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    if (scroll > width) problems.push(`${name}: ${scroll} px wide on a ${width} px screen`);
  }
  if (shot) await page.screenshot({ path: path.join(OUT, name + '.png'), fullPage: true });
  console.log(`${name}: ${bad.length} serious/critical, ${result.violations.length} violations in all`);
}

(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  const browser = await puppeteer.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const phone = await browser.newPage();
    await phone.setViewport({ width: 360, height: 800, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
    for (const [name, url] of [['portal-home-360', '/portal'], ['portal-support-360', '/portal/support'],
      ['portal-privacy-request-360', '/portal/privacy-request'], ['portal-privacy-notice-360', '/portal/privacy.html']]) {
      await phone.goto(BASE + url, { waitUntil: 'networkidle0' });
      await check(phone, name, { width: 360 });
    }
    // the privacy form's errors, next to their fields
    await phone.goto(BASE + '/portal/privacy-request', { waitUntil: 'networkidle0' });
    const submit = await phone.$('form button[type=submit]');
    if (submit) {
      await submit.click();
      await new Promise(r => setTimeout(r, 800));
      await check(phone, 'portal-privacy-request-errors-360', { width: 360 });
    }

    const desk = await browser.newPage();
    await desk.setViewport({ width: 1280, height: 900 });
    await desk.goto(BASE + '/camunda/app/tasklist/default/', { waitUntil: 'networkidle0' });
    await desk.waitForSelector('input[type=password]', { timeout: 30000 });
    await desk.type('form input[type=text]', USER);
    await desk.type('form input[type=password]', PASSWORD);
    await Promise.all([desk.waitForNetworkIdle({ idleTime: 800 }), desk.click('button[type=submit]')]);
    await new Promise(r => setTimeout(r, 1500));
    await desk.screenshot({ path: path.join(OUT, 'tasklist-filters.png') });
    await desk.goto(BASE + '/staff/cases', { waitUntil: 'networkidle0' });
    await check(desk, 'staff-cases');
    const first = await desk.$eval('table tbody tr td a', a => a.getAttribute('href')).catch(() => null);
    if (first) {
      await desk.goto(BASE + first, { waitUntil: 'networkidle0' });
      await check(desk, 'staff-case');
    }
    await desk.goto(BASE + '/staff/reports', { waitUntil: 'networkidle0' });
    await check(desk, 'staff-reports');
    const narrow = await browser.newPage();
    await narrow.setViewport({ width: 360, height: 800, isMobile: true });
    await narrow.goto(BASE + '/staff/cases', { waitUntil: 'networkidle0' });
    await check(narrow, 'staff-cases-360', { width: 360, shot: false });
  } finally {
    await browser.close();
  }
  if (problems.length) {
    console.error('PROBLEMS:\n' + problems.join('\n'));
    process.exit(1);
  }
  console.log('no serious or critical accessibility violation; every checked page fits its screen');
})().catch(e => { console.error(e); process.exit(2); });
