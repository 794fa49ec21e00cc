// Full-page screenshots of a served site, at phone and desktop widths, in
// the light and dark themes, for a person to look at.
//
//   node screenshots.mjs BASE_URL OUT_DIR PATH...
//   node screenshots.mjs http://127.0.0.1:8000/repo/ /tmp/screens treaties/budapest-convention/ ""
import { ARGS, CHROMIUM } from "./chromium.mjs";
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";

const [base, out, ...paths] = process.argv.slice(2);
if (!base || !out || paths.length === 0) {
  console.error("usage: node screenshots.mjs BASE_URL OUT_DIR PATH...");
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ARGS,
});
const widths = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } };
for (const path of paths) {
  const name = path.replace(/\/$/, "").replace(/\//g, "-") || "home";
  for (const [device, viewport] of Object.entries(widths)) {
    for (const scheme of ["light", "dark"]) {
      const context = await browser.newContext({ viewport, colorScheme: scheme, deviceScaleFactor: 1 });
      const page = await context.newPage();
      await page.goto(base + path, { waitUntil: "load" });
      const file = `${out}/${name}-${device}-${scheme}.png`;
      await page.screenshot({ path: file, fullPage: process.env.FULL !== "0" });
      console.log(file);
      await context.close();
    }
  }
}
await browser.close();
