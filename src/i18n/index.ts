export * from './languages.js';
export { createI18n, loadResources, type I18n } from './i18n.js';
export { renderTemplate } from './render.js';
