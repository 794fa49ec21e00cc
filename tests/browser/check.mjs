// Opens pages of a served site in headless Chromium and reports problems.
// Run by tests/browser.rs; see docs/browser-tests.md.
//
//   node check.mjs pages BASE_URL PATH...   every page: console errors, failed
//                                           requests, axe (light and dark)
//   node check.mjs behaviour BASE_URL       the theme's scripts, and the site
//                                           with JavaScript off
//
// Prints one line per problem and a closing "N passed, N failed" line; exits
// 1 if anything failed, 2 if a tool is missing.
import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import { ARGS, CHROMIUM } from "./chromium.mjs";

const require = createRequire(import.meta.url);
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

function load() {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (install Debian's chromium, or set CHROMIUM)`);
  return { chromium: require("playwright-core").chromium, axe: require.resolve("axe-core/axe.min.js") };
}

let tools;
try {
  tools = load();
} catch (e) {
  console.error(`missing tool: ${e.message}; run .ci/browser-setup (npm ci in tests/browser)`);
  process.exit(2);
}

const [mode, base, ...paths] = process.argv.slice(2);
const browser = await tools.chromium.launch({ executablePath: CHROMIUM, args: ARGS });
let passed = 0;
let failed = 0;
function report(name, problems) {
  if (problems.length === 0) {
    passed++;
    return;
  }
  failed++;
  for (const p of problems) console.log(`FAIL ${name}: ${p}`);
}

try {
  if (mode === "pages") await checkPages(paths);
  else if (mode === "behaviour") await checkBehaviour();
  else throw new Error(`unknown mode ${mode}`);
} finally {
  await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

/// Watches a page for console errors, uncaught exceptions and failed requests.
function watch(page, problems) {
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on("response", (r) => {
    if (r.status() >= 400 && r.request().resourceType() !== "document") problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on("request", (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith("data:")) problems.push(`external request: ${r.url()}`);
  });
}

/// Runs axe-core: every WCAG 2.2 AA rule, or only the colour rules (for the second theme).
async function axe(page, label, colourOnly) {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: tools.axe });
  const runOnly = colourOnly ? { type: "rule", values: COLOUR_RULES } : { type: "tag", values: AXE_TAGS };
  const result = await page.evaluate((runOnly) => window.axe.run(document, { runOnly, resultTypes: ["violations"] }), runOnly);
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `axe ${label} ${v.impact} ${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
}

async function checkPages(paths) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  for (const path of paths) {
    const problems = [];
    const page = await context.newPage();
    watch(page, problems);
    const response = await page.goto(base + path, { waitUntil: "load" });
    if (!response || response.status() !== 200) problems.push(`HTTP ${response?.status()} for the page itself`);
    await page.emulateMedia({ colorScheme: "light" });
    problems.push(...(await axe(page, "light", false)));
    await page.emulateMedia({ colorScheme: "dark" });
    problems.push(...(await axe(page, "dark", true)));
    await page.close();
    report(path || "(home)", problems);
  }
  await context.close();
}

async function withPage(options, name, body) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const problems = [];
  watch(page, problems);
  try {
    await body(page, problems, context);
  } catch (e) {
    problems.push(`threw: ${e.message}`);
  }
  await context.close();
  report(name, problems);
}

function expect(problems, ok, message) {
  if (!ok) problems.push(message);
}

async function checkBehaviour() {
  await withPage({}, "listing tables sort and filter", async (page, problems) => {
    await page.goto(base + "treaties/");
    const titles = () => page.$$eval("table.listing tbody tr:not([hidden]) th", (ths) => ths.map((t) => t.textContent.trim()));
    const all = await titles();
    await page.getByRole("button", { name: "Year" }).click();
    const years = await page.$$eval("table.listing tbody tr td:last-child", (tds) => tds.map((t) => t.dataset.value));
    const sorted = [...years].sort((a, b) => (a === "" ? 1 : b === "" ? -1 : a.localeCompare(b)));
    expect(problems, JSON.stringify(years) === JSON.stringify(sorted), `years not ascending: ${years}`);
    const sort = await page.$eval("table.listing th:last-child", (th) => th.getAttribute("aria-sort"));
    expect(problems, sort === "ascending", `aria-sort is ${sort}`);
    await page.getByLabel("Binding").selectOption("non-binding");
    const kinds = await page.$$eval("table.listing tbody tr:not([hidden]) td:nth-child(3)", (tds) => tds.map((t) => t.textContent));
    expect(problems, kinds.length > 0 && kinds.every((k) => k === "non-binding"), `binding filter shows ${kinds}`);
    await page.getByLabel("Binding").selectOption("");
    await page.getByLabel("Filter").fill("budapest");
    const left = await titles();
    expect(problems, left.length > 0 && left.length < all.length, `text filter left ${left.length} of ${all.length}`);
    const status = await page.textContent(".table-tools output");
    expect(problems, status === `${left.length} of ${all.length} shown`, `status says "${status}"`);
  });

  await withPage({ colorScheme: "light" }, "theme toggle remembers the choice, without a flash", async (page, problems) => {
    await page.goto(base);
    const toggle = page.getByRole("button", { name: "Dark theme" });
    expect(problems, (await toggle.getAttribute("aria-pressed")) === "false", "toggle pressed in light mode");
    await toggle.click();
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(problems, (await bg()) === "rgb(18, 21, 25)", `dark background is ${await bg()}`);
    // On the next page, the theme must be set before the body is parsed.
    await page.addInitScript(() => {
      new MutationObserver((_, obs) => {
        if (document.body) {
          window.__themeAtBody = document.documentElement.getAttribute("data-theme");
          obs.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(base + "timeline/");
    const atBody = await page.evaluate(() => window.__themeAtBody);
    expect(problems, atBody === "dark", `theme when the body was parsed: ${atBody}`);
    expect(problems, (await toggle.getAttribute("aria-pressed")) === "true", "toggle not pressed after reload");
    await toggle.click();
    expect(problems, (await bg()) === "rgb(255, 255, 255)", `light background is ${await bg()}`);
  });

  await withPage({ permissions: ["clipboard-read", "clipboard-write"] }, "cite box copies the citation", async (page, problems) => {
    await page.goto(base + "treaties/budapest-convention/");
    await page.getByRole("button", { name: "Copy citation" }).click();
    await page.getByText("Copied.").waitFor({ timeout: 5000 });
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(problems, text.includes("treaties/budapest-convention/") && text.includes("Budapest"), `copied: ${text}`);
  });

  await withPage({ javaScriptEnabled: false }, "works with JavaScript off", async (page, problems) => {
    await page.goto(base + "treaties/");
    const rows = await page.$$eval("table.listing tbody tr", (trs) => trs.filter((t) => t.offsetParent !== null).length);
    expect(problems, rows >= 10, `only ${rows} rows visible`);
    expect(problems, !(await page.isVisible(".theme-toggle")), "theme toggle visible without JavaScript");
    expect(problems, (await page.$(".table-tools")) === null, "filter controls without JavaScript");
    await page.goto(base + "treaties/budapest-convention/");
    expect(problems, await page.isVisible("#page-facts"), "no fact box");
    expect(problems, (await page.textContent(".cite-text")).includes("budapest-convention/"), "no citation");
  });

  await withPage({}, "missing pages get the styled 404 page", async (page, problems) => {
    page.removeAllListeners("console");
    const response = await page.goto(base + "no/such/page/");
    expect(problems, response.status() === 404, `status ${response.status()}`);
    expect(problems, (await page.textContent("h1")) === "Page not found", "no 404 heading");
    const header = await page.evaluate(() => getComputedStyle(document.querySelector(".site-header")).backgroundColor);
    expect(problems, header !== "rgba(0, 0, 0, 0)", "404 page is unstyled");
  });
}
