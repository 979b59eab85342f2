/*
 * Hồ sơ: which language the web apps speak. Vietnamese unless the user chose English (the "English" / "Tiếng Việt"
 * link in the header stores the choice in this browser). Camunda picks the first of the browser's languages that
 * is available, so the choice is handed to it as the browser's language before the app starts.
 */
const KEY = 'hoso.language';

export function chosenLanguage() {
  try {
    return window.localStorage.getItem(KEY) === 'en' ? 'en' : 'vi';
  } catch (e) {
    return 'vi';
  }
}

export function choose(language) {
  try {
    window.localStorage.setItem(KEY, language);
  } catch (e) {
    // private mode: the choice lasts for this page only
  }
  window.location.reload();
}

const language = chosenLanguage();
try {
  Object.defineProperty(window.navigator, 'languages', {configurable: true, get: () => [language]});
  Object.defineProperty(window.navigator, 'language', {configurable: true, get: () => language});
} catch (e) {
  // an old browser: Camunda falls back to Vietnamese anyway unless the browser asks for English
}
document.documentElement.setAttribute('lang', language);
