// whatsapp-web.js depends on puppeteer, which downloads Chrome on install. The machines have no
// internet beyond the npm registry, so skip it; at run time use a system Chromium through
// WHATSAPP_CHROMIUM_PATH (see .env.example).
module.exports = { skipDownload: true };
