/*
 * Hồ sơ's configuration of the Welcome app (served instead of the web jar's own scripts/config.js; see
 * docs/workspace.md): Vietnamese by default, English selectable (the choice Tasklist's header stores), our name.
 */
import './language.js';

export default {
  app: {
    name: 'Trang chủ',
    vendor: 'Hồ sơ'
  },
  locales: {
    availableLocales: ['vi', 'en'],
    fallbackLocale: 'vi'
  },
  dateFormat: {
    normal: 'DD/MM/YYYY HH:mm',
    long: 'dddd, DD/MM/YYYY HH:mm'
  },
  links: [
    {
      label: 'Tiếp nhận hồ sơ',
      href: '/tiep-nhan/',
      description: 'Quầy tiếp nhận của bộ phận một cửa'
    }
  ],
  disableWelcomeMessage: true
};
