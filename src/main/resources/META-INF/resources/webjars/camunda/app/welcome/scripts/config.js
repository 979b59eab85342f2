/*
 * Hồ sơ's configuration of the Welcome app (served instead of the web jar's own scripts/config.js; see
 * docs/workspace.md): Vietnamese by default, English selectable (the choice Tasklist's header stores), our name.
 */
// the language choice is Tasklist's own script (one copy; the header's switch stores it for both apps)
import '../../tasklist/scripts/language.js';

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
  customScripts: ['scripts/footer.js'],
  links: [
    {
      label: 'Tiếp nhận hồ sơ',
      href: '/tiep-nhan/',
      description: 'Quầy tiếp nhận của bộ phận một cửa'
    },
    {
      label: 'Phê duyệt hàng loạt',
      href: '/phe-duyet/',
      description: 'Lãnh đạo phê duyệt các hồ sơ thông thường'
    }
  ],
  disableWelcomeMessage: true
};
