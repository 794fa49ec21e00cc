// How the browser scripts start Debian's Chromium: one place for its path
// and the flags this machine needs (no sandbox as root, no background
// networking, which the closed network would refuse).
export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
export const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
